package io.scenescore.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /** An H.264 MP4 with no audio stream at all. */
    public static Path mp4WithoutAudio(Path file, double seconds, int fps) throws IOException, InterruptedException {
        MediaProbe.ffmpeg("-f", "lavfi", "-i", String.format(Locale.ROOT, "testsrc=size=320x240:rate=%d", fps),
                "-t", String.format(Locale.ROOT, "%.3f", seconds), "-c:v", "libx264", "-pix_fmt", "yuv420p", file.toString());
        return file;
    }

    /** A line spoken at {@code at} seconds into a video. */
    public record Line(double at, String text) {
    }

    /**
     * espeak-ng (Debian's {@code espeak-ng}, which {@code scripts/install-prerequisites.sh} installs):
     * {@code SCENESCORE_TEST_ESPEAK} when set, else the one on PATH, else {@code /usr/bin/espeak-ng}; empty when there
     * is none.
     */
    public static Optional<String> espeak() {
        String configured = System.getenv("SCENESCORE_TEST_ESPEAK");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        List<Path> candidates = new java.util.ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "espeak-ng"));
            }
        }
        candidates.add(Path.of("/usr/bin/espeak-ng"));
        return candidates.stream().filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    /**
     * An H.264 MP4 whose stereo AAC track has real speech (espeak-ng) at known times and silence elsewhere: each line
     * starts exactly at its time (espeak's leading silence removed). The speech is high-passed above
     * {@code highpassHz} (8th order), so that a tone laid under it below that frequency can be measured apart.
     */
    public static Path mp4WithSpokenLines(Path file, double seconds, int fps, double highpassHz, List<Line> lines)
            throws IOException, InterruptedException {
        String espeak = espeak().orElseThrow(() -> new IllegalStateException(
                "espeak-ng is needed for speech: apt-get install espeak-ng (scripts/install-prerequisites.sh), or set SCENESCORE_TEST_ESPEAK"));
        List<String> args = new java.util.ArrayList<>(List.of("-f", "lavfi", "-i", String.format(Locale.ROOT, "testsrc=size=320x240:rate=%d", fps)));
        StringBuilder graph = new StringBuilder();
        String highpass = String.join(",", java.util.Collections.nCopies(4, String.format(Locale.ROOT, "highpass=f=%.0f", highpassHz)));
        for (int i = 0; i < lines.size(); i++) {
            Path wav = file.resolveSibling(file.getFileName() + ".line" + i + ".wav");
            Process p = new ProcessBuilder(espeak, "-w", wav.toString(), lines.get(i).text()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("espeak-ng failed: " + said);
            }
            args.addAll(List.of("-i", wav.toString()));
            long delayMs = Math.round(lines.get(i).at() * 1000);
            graph.append(String.format(Locale.ROOT, "[%d:a]silenceremove=start_periods=1:start_threshold=-60dB,aresample=48000,%s,"
                    + "pan=stereo|c0=c0|c1=c0,adelay=%d|%d,apad[l%d];", i + 1, highpass, delayMs, delayMs, i));
        }
        for (int i = 0; i < lines.size(); i++) {
            graph.append("[l").append(i).append(']');
        }
        graph.append(String.format(Locale.ROOT, "amix=inputs=%d:normalize=0[speech]", lines.size()));
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "0:v", "-map", "[speech]",
                "-t", String.format(Locale.ROOT, "%.3f", seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k", file.toString()));
        MediaProbe.ffmpeg(args.toArray(String[]::new));
        return file;
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
