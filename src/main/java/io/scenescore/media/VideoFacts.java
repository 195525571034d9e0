package io.scenescore.media;

/**
 * What ffprobe says about a video: the length and frame rate of its (first) video stream, its picture size and
 * codec, the media type its container is served as, and whether it has an audio stream of its own.
 */
public record VideoFacts(double durationSeconds, double frameRate, int width, int height, String codec, String contentType,
                         boolean hasAudio) {

    /** How long one frame lasts, the tolerance a fitted soundtrack is held to. */
    public double frameSeconds() {
        return frameRate > 0 ? 1 / frameRate : 0;
    }
}
