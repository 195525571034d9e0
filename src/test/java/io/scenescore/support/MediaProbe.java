package io.scenescore.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.media.FfmpegExecutables;

/** What ffprobe and ffmpeg say about a produced file: the checks tests make on real media. */
public final class MediaProbe {

    private static final FfmpegExecutables TOOLS = FfmpegExecutables.locate("", "");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MediaProbe() {
    }

    public static FfmpegExecutables tools() {
        return TOOLS;
    }

    /** ffprobe's -show_format -show_streams as JSON. */
    public static JsonNode probe(Path file) throws IOException, InterruptedException {
        String out = run(List.of(TOOLS.ffprobe(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()));
        return JSON.readTree(out);
    }

    /** The duration ffprobe reads from the container. */
    public static double duration(Path file) throws IOException, InterruptedException {
        return probe(file).path("format").path("duration").asDouble();
    }

    /** Mean volume in dBFS of the part of {@code file} from {@code start} lasting {@code length} seconds. */
    public static double meanVolume(Path file, double start, double length) throws IOException, InterruptedException {
        String out = run(List.of(TOOLS.ffmpeg(), "-hide_banner", "-nostats", "-ss", String.valueOf(start), "-t", String.valueOf(length),
                "-i", file.toString(), "-af", "volumedetect", "-f", "null", "-"));
        Matcher m = Pattern.compile("mean_volume: (-?[0-9.]+|-inf) dB").matcher(out);
        if (!m.find()) {
            throw new AssertionError("volumedetect printed no mean volume: " + out);
        }
        return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
    }

    /** Integrated loudness (LUFS) and true peak (dBTP) of {@code file}, by FFmpeg's ebur128 (independent of loudnorm). */
    public record Loudness(double integrated, double truePeak) {
    }

    public static Loudness loudness(Path file) throws IOException, InterruptedException {
        String out = run(List.of(TOOLS.ffmpeg(), "-hide_banner", "-nostats", "-i", file.toString(),
                "-af", "ebur128=peak=true", "-f", "null", "-"));
        String summary = out.substring(Math.max(0, out.lastIndexOf("Summary:")));
        Matcher i = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(summary);
        Matcher tp = Pattern.compile("True peak:\\s+Peak:\\s+(-?[0-9.]+|-inf) dBFS").matcher(summary);
        if (!i.find() || !tp.find()) {
            throw new AssertionError("ebur128 printed no summary: " + summary);
        }
        return new Loudness(Double.parseDouble(i.group(1)), tp.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(tp.group(1)));
    }

    /**
     * Mean spectral centroid in Hz of the first channel of a part of {@code file}: 2048-sample Hann-windowed frames
     * (hop 1024) of the audio FFmpeg decodes, each frame's magnitude-weighted mean frequency, averaged over the
     * frames that are not silent. Computed here rather than with ffmpeg's aspectralstats, which FFmpeg 4.4 (the
     * build shipped in the jar) does not have.
     */
    public static double spectralCentroid(Path file, double start, double length) throws IOException, InterruptedException {
        int rate = 48000;
        Process p = new ProcessBuilder(List.of(TOOLS.ffmpeg(), "-hide_banner", "-loglevel", "error", "-ss", String.valueOf(start),
                "-t", String.valueOf(length), "-i", file.toString(), "-af", "pan=mono|c0=c0", "-ar", String.valueOf(rate),
                "-f", "f32le", "-")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] raw = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new AssertionError("ffmpeg could not decode " + file + " for its spectral centroid");
        }
        java.nio.FloatBuffer samples = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        int n = 2048;
        double sum = 0;
        int frames = 0;
        for (int at = 0; at + n <= samples.limit(); at += n / 2) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = samples.get(at + i) * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)));
            }
            Fft.transform(re, im);
            double weighted = 0;
            double total = 0;
            for (int k = 1; k <= n / 2; k++) {
                double magnitude = Math.hypot(re[k], im[k]);
                weighted += magnitude * k * (double) rate / n;
                total += magnitude;
            }
            if (total > 1e-6) {
                sum += weighted / total;
                frames++;
            }
        }
        if (frames == 0) {
            throw new AssertionError("no audible frame in " + file + " from " + start + " s for " + length + " s");
        }
        return sum / frames;
    }

    /** A digest of a file's video stream packets (FFmpeg's md5 muxer over a stream copy): equal when the bytes are. */
    public static String videoStreamMd5(Path file) throws IOException, InterruptedException {
        String out = run(List.of(TOOLS.ffmpeg(), "-hide_banner", "-loglevel", "error", "-i", file.toString(), "-map", "0:v", "-c", "copy", "-f", "md5", "-"));
        return out.strip();
    }

    /** The bit rate in bits per second of the first audio stream's packets from {@code start} to {@code end} seconds. */
    public static double audioBitRate(Path file, double start, double end) throws IOException, InterruptedException {
        String out = run(List.of(TOOLS.ffprobe(), "-v", "error", "-select_streams", "a:0", "-show_entries", "packet=pts_time,size",
                "-of", "csv=p=0", file.toString()));
        long bytes = 0;
        for (String line : out.split("\\R")) {
            String[] fields = line.split(",");
            if (fields.length == 2 && !fields[0].equals("N/A")) {
                double pts = Double.parseDouble(fields[0]);
                if (pts >= start && pts < end) {
                    bytes += Long.parseLong(fields[1].strip());
                }
            }
        }
        return bytes * 8 / (end - start);
    }

    /** Runs FFmpeg itself (for making test inputs); fails the test if it fails. */
    public static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TOOLS.ffmpeg(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        run(command);
    }

    /** Runs FFmpeg with exactly {@code args} (as the service builds a command); its log; fails the test if it fails. */
    public static String ffmpegWith(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TOOLS.ffmpeg()));
        command.addAll(args);
        return run(command);
    }

    /**
     * What FFmpeg's EBU R128 meter (ebur128 with true peak, its summary only) measures of the input {@code input}
     * names (FFmpeg's input options, then {@code -i} and the file).
     */
    public static io.scenescore.media.LoudnessMeasure meter(String... input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TOOLS.ffmpeg(), "-hide_banner", "-nostats"));
        command.addAll(List.of(input));
        command.addAll(List.of("-af", io.scenescore.media.LoudnessCommands.measureFilter() + ":framelog=verbose", "-f", "null", "-"));
        return new io.scenescore.media.LoudnessCommands().parse(run(command));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
