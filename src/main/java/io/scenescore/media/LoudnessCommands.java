package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.scenescore.job.Loudness;

/**
 * Mastering a soundtrack to a loudness target in two passes. The join measures its output with FFmpeg's EBU R128
 * meter (ebur128 with true peak, on a second output of the same run); the one lossy encode then applies the
 * exact gain that brings the integrated loudness to the target when the true peak stays under the ceiling that
 * way (a linear change: the music is not altered otherwise), and otherwise lets loudnorm reach the target while
 * limiting the true peak. The delivered file is measured with the same meter for the status document.
 */
public final class LoudnessCommands {

    /** The true-peak ceiling is aimed this much lower: the MP3 encode can raise true peaks a little. */
    static final double ENCODE_MARGIN = 0.5;
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS");
    private static final Pattern RANGE_LU = Pattern.compile("LRA:\\s+(-?[0-9.]+|-inf) LU");
    private static final Pattern TRUE_PEAK = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS");

    /** The filter that measures, as the join's second output: ebur128 prints its summary at info level. */
    public static String measureFilter() {
        return "ebur128=peak=true";
    }

    /** FFmpeg arguments that measure {@code file} (its audio: a merged video's picture is not decoded) and write nothing. */
    public List<String> measureCommand(Path file) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(List.of("-loglevel", "info"));
        args.addAll(FfmpegArgs.localInput(file));
        args.addAll(List.of("-vn", "-af", measureFilter(), "-f", "null", "-"));
        return args;
    }

    /** The gain to master with, from what the join measured (null: nothing measured). */
    public MasteringGain gain(Loudness target, LoudnessMeasure joined) {
        return new MasteringGain(target, joined);
    }

    /** FFmpeg arguments that try the mastering gain on the uncompressed audio and measure the result, writing nothing. */
    public List<String> trialCommand(Path joinedWav, MasteringGain gain) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(List.of("-loglevel", "info"));
        args.addAll(FfmpegArgs.localInput(joinedWav));
        args.addAll(List.of("-af", filter(gain) + ",aresample=" + SceneAudioCommands.SAMPLE_RATE + "," + measureFilter(), "-f", "null", "-"));
        return args;
    }

    /** FFmpeg arguments encoding the deliverable from the joined WAV, mastered with {@code gain} when it applies. */
    public List<String> encodeCommand(Path joinedWav, MasteringGain gain, String format, Path out) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(FfmpegArgs.localInput(joinedWav));
        if (gain.applies()) {
            String layout = "wav".equals(format) ? "sample_fmts=s16:channel_layouts=stereo" : "channel_layouts=stereo";
            args.addAll(List.of("-af", filter(gain) + ",aresample=" + SceneAudioCommands.SAMPLE_RATE + ",aformat=" + layout));
        }
        if ("wav".equals(format)) {
            args.addAll(List.of("-c:a", "pcm_s16le", out.toString()));
        } else {
            args.addAll(List.of("-c:a", "libmp3lame", "-b:a", "192k", out.toString()));
        }
        return args;
    }

    /**
     * The correction: the gain that brings the integrated loudness to the target; when that gain would lift the true
     * peak over the ceiling, a limiter at the ceiling after it, working at four times the sample rate so that it
     * holds the true peak (what a true-peak meter measures) and not only the sample peak.
     */
    static String filter(MasteringGain gain) {
        String volume = String.format(Locale.ROOT, "volume=%.2fdB", gain.gain());
        if (!gain.limited()) {
            return volume;
        }
        return String.format(Locale.ROOT, "aresample=%d,%s,alimiter=limit=%.4f:attack=1:release=60:level=false",
                4 * SceneAudioCommands.SAMPLE_RATE, volume, Math.pow(10, gain.ceiling() / 20));
    }

    /** What ebur128 printed last (its summary in FFmpeg's log); null when there is none. */
    public LoudnessMeasure parse(String log) {
        String text = log == null ? "" : log;
        int summary = text.lastIndexOf("Summary:");
        if (summary < 0) {
            return null;
        }
        String s = text.substring(summary);
        return new LoudnessMeasure(number(INTEGRATED, s), number(TRUE_PEAK, s), number(RANGE_LU, s));
    }

    private static Double number(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find() || m.group(1).equals("-inf")) {
            return null;
        }
        return Double.parseDouble(m.group(1));
    }
}
