package io.scenescore.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Test videos made with FFmpeg's own sources: a moving test picture, with a silent or a speech-like track. */
public final class TestVideos {

    private TestVideos() {
    }

    /** An H.264 MP4 of {@code seconds} at {@code fps}, with a silent AAC track. */
    public static Path mp4(Path file, double seconds, int fps) throws IOException, InterruptedException {
        return make(file, seconds, fps, "anullsrc=r=48000:cl=stereo", List.of("-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"));
    }

    /**
     * An H.264 MP4 with a speech-like track: a voice-band tone whose loudness comes and goes a few times a second,
     * like syllables.
     */
    public static Path mp4WithSpeech(Path file, double seconds, int fps) throws IOException, InterruptedException {
        return make(file, seconds, fps, "sine=f=180:r=48000,volume='0.5+0.45*sin(2*PI*4*t)':eval=frame,aformat=channel_layouts=mono",
                List.of("-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"));
    }

    /** A Matroska file with VP9 video and Opus audio. */
    public static Path webm(Path file, double seconds, int fps) throws IOException, InterruptedException {
        return make(file, seconds, fps, "anullsrc=r=48000:cl=stereo", List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-c:a", "libopus"));
    }

    private static Path make(Path file, double seconds, int fps, String audio, List<String> codecs) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of(
                "-f", "lavfi", "-i", String.format(Locale.ROOT, "testsrc=size=320x240:rate=%d", fps),
                "-f", "lavfi", "-i", audio,
                "-t", String.format(Locale.ROOT, "%.3f", seconds)));
        args.addAll(codecs);
        args.add(file.toString());
        MediaProbe.ffmpeg(args.toArray(String[]::new));
        return file;
    }
}
