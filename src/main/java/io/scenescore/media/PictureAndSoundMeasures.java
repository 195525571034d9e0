package io.scenescore.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One FFmpeg pass over a video that measures every frame and the sound: FFmpeg's scene-change score
 * ({@code select}'s {@code scene}, 0 to 1, for every frame: the threshold is applied afterwards, so one pass serves
 * any threshold), the picture's levels ({@code signalstats}: YAVG, UAVG, VAVG and YDIF, the mean change of
 * brightness from the frame before), written by {@code metadata=print} to one file; and, when the video has sound,
 * its momentary loudness every 100 ms ({@code ebur128=metadata=1}, {@code ametadata=print}) to another. The picture
 * is scaled to 320 pixels wide first, which makes the measures cheap and alike for any size of video.
 */
public final class PictureAndSoundMeasures {

    /** One frame: its time (seconds, from the stream's first frame), scene score, and mean levels. */
    public record Frame(double time, double sceneScore, double yAvg, double uAvg, double vAvg, double yDif) {
    }

    /** Momentary loudness (LUFS, of the 400 ms ending at {@code time}). */
    public record Loudness(double time, double momentary) {
    }

    /** What the pass measured. {@code loudness} is empty when the video has no sound. */
    public record Measured(List<Frame> frames, List<Loudness> loudness) {
    }

    /** The pass's arguments and where it writes. */
    public record Pass(List<String> args, Path framesFile, Path loudnessFile) {
    }

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9/._+-]+");

    /**
     * The pass over {@code video}, writing into {@code folder}, a folder whose path holds only letters, digits and
     * {@code / . _ + -} (the paths go into a filter graph unquoted).
     */
    public Pass pass(Path video, Path folder) {
        Path frames = folder.resolve("frames.txt").toAbsolutePath();
        Path loudness = folder.resolve("loudness.txt").toAbsolutePath();
        if (!SAFE_PATH.matcher(frames.toString()).matches()) {
            throw new IllegalArgumentException("not a plain path for a filter graph: " + frames);
        }
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(FfmpegArgs.videoInput(video));
        args.addAll(List.of(
                "-map", "0:v:0", "-map", "0:a:0?",
                "-vf", "scale=320:-2,format=yuv420p,select='gte(scene\\,0)',signalstats,metadata=print:file=" + frames,
                "-af", "ebur128=metadata=1,ametadata=print:file=" + loudness,
                "-f", "null", "-"));
        return new Pass(args, frames, loudness);
    }

    /** What {@code pass} wrote (a missing loudness file: no sound). */
    public Measured read(Pass pass) throws IOException {
        String frames = Files.readString(pass.framesFile(), StandardCharsets.UTF_8);
        String loudness = Files.exists(pass.loudnessFile()) ? Files.readString(pass.loudnessFile(), StandardCharsets.UTF_8) : "";
        return new Measured(frames(frames), loudness(loudness));
    }

    /** The frames in {@code metadata=print} output. */
    public static List<Frame> frames(String text) {
        List<Frame> frames = new ArrayList<>();
        double first = Double.NaN;
        Double time = null;
        double score = 0, y = 0, u = 0, v = 0, dif = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("frame:")) {
                if (time != null) {
                    frames.add(new Frame(time, score, y, u, v, dif));
                }
                double pts = ptsTime(line);
                if (Double.isNaN(first)) {
                    first = pts;
                }
                time = pts - first;
                score = y = u = v = dif = 0;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 || time == null) {
                continue;
            }
            String key = line.substring(0, eq);
            double value = number(line.substring(eq + 1));
            switch (key) {
                case "lavfi.scene_score" -> score = value;
                case "lavfi.signalstats.YAVG" -> y = value;
                case "lavfi.signalstats.UAVG" -> u = value;
                case "lavfi.signalstats.VAVG" -> v = value;
                case "lavfi.signalstats.YDIF" -> dif = value;
                default -> { }
            }
        }
        if (time != null) {
            frames.add(new Frame(time, score, y, u, v, dif));
        }
        return frames;
    }

    /** The momentary loudness readings in {@code ametadata=print} output of {@code ebur128=metadata=1}. */
    public static List<Loudness> loudness(String text) {
        List<Loudness> readings = new ArrayList<>();
        double first = Double.NaN;
        double time = Double.NaN;
        for (String line : text.split("\n")) {
            if (line.startsWith("frame:")) {
                double pts = ptsTime(line);
                if (Double.isNaN(first)) {
                    first = pts;
                }
                time = pts - first;
            } else if (line.startsWith("lavfi.r128.M=") && !Double.isNaN(time)) {
                readings.add(new Loudness(time, number(line.substring("lavfi.r128.M=".length()))));
            }
        }
        return readings;
    }

    private static double ptsTime(String line) {
        int at = line.indexOf("pts_time:");
        if (at < 0) {
            throw new IllegalArgumentException("no pts_time in " + line);
        }
        return number(line.substring(at + "pts_time:".length()).trim().split("\\s+")[0]);
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
