package io.scenescore.media;

/** FFmpeg or ffprobe failed; the message holds what it said. */
public class MediaToolFailure extends RuntimeException {

    public MediaToolFailure(String message) {
        super(message);
    }
}
