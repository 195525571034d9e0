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

    /** Mean spectral centroid in Hz (ffmpeg's aspectralstats, first channel) of a part of {@code file}. */
    public static double spectralCentroid(Path file, double start, double length) throws IOException, InterruptedException {
        Path out = java.nio.file.Files.createTempFile("centroid", ".txt");
        try {
            run(List.of(TOOLS.ffmpeg(), "-hide_banner", "-loglevel", "error", "-ss", String.valueOf(start), "-t", String.valueOf(length),
                    "-i", file.toString(), "-af", "aspectralstats,ametadata=print:key=lavfi.aspectralstats.1.centroid:file=" + out,
                    "-f", "null", "-"));
            return java.nio.file.Files.readAllLines(out).stream().filter(l -> l.startsWith("lavfi.aspectralstats.1.centroid="))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf('=') + 1)))
                    .filter(v -> !Double.isNaN(v)).average().orElseThrow();
        } finally {
            java.nio.file.Files.deleteIfExists(out);
        }
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

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
