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

    /** One shot of a video made by {@link #shots}: a lavfi video source (no size or rate), its length, its sound's volume (0: silent). */
    public record Shot(String source, double seconds, double volume) {
    }

    /**
     * An H.264 MP4 (320x240) of {@code shots} joined by hard cuts, with a 220 Hz tone at each shot's volume as its
     * sound (AAC), or no sound at all when {@code withSound} is false. The cuts are at the sums of the shots' lengths
     * (give lengths of whole frames).
     */
    public static Path shots(Path file, int fps, boolean withSound, Shot... shots) throws IOException, InterruptedException {
        StringBuilder graph = new StringBuilder();
        StringBuilder concat = new StringBuilder();
        for (int i = 0; i < shots.length; i++) {
            Shot shot = shots[i];
            String name = shot.source().contains(",") ? shot.source().substring(0, shot.source().indexOf(',')) : shot.source();
            String rest = shot.source().substring(name.length());
            graph.append(String.format(Locale.ROOT, "%s%ss=320x240:r=%d%s,trim=duration=%.4f,setpts=PTS-STARTPTS,scale=320:240,setsar=1,format=yuv420p[v%d];",
                    name, name.contains("=") ? ":" : "=", fps, rest, shot.seconds(), i));
            concat.append("[v").append(i).append("]");
            if (withSound) {
                graph.append(String.format(Locale.ROOT, "sine=f=220:r=48000,volume=%.4f,atrim=duration=%.4f,asetpts=PTS-STARTPTS,aformat=channel_layouts=stereo[a%d];",
                        shot.volume(), shot.seconds(), i));
                concat.append("[a").append(i).append("]");
            }
        }
        graph.append(concat).append(String.format(Locale.ROOT, "concat=n=%d:v=1:a=%d", shots.length, withSound ? 1 : 0));
        graph.append(withSound ? "[v][a]" : "[v]");
        List<String> args = new java.util.ArrayList<>(List.of("-filter_complex", graph.toString(), "-map", "[v]"));
        if (withSound) {
            args.addAll(List.of("-map", "[a]", "-c:a", "aac"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-r", String.valueOf(fps), file.toString()));
        MediaProbe.ffmpeg(args.toArray(String[]::new));
        return file;
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
