package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.scenescore.job.Loudness;

/**
 * Mastering to a loudness target. The join measures the joined audio (on PCM as it writes it, {@link LoudnessMeter};
 * or FFmpeg's EBU R128 meter, ebur128 with true peak, on a second output of FFmpeg's join). When the gain would push
 * the true peak over the ceiling, one more pass measures the joined audio through the limiter at a ladder of ceilings
 * ({@link #ladderCommand}), so that the gain the limiter needs is known without trying it
 * ({@link MasteringGain#interpolated}). The one lossy encode then applies the exact gain that brings the integrated
 * loudness to the target (a linear change: the music is not altered otherwise), with a true-peak limiter at the
 * ceiling after it when needed, and then measures what it encodes with the same meter on a branch of its own graph.
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

    /** The meter without its per-frame lines (its summary only), for the measures of one run that has several. */
    static final String QUIET_METER = "ebur128=peak=true:framelog=verbose";

    /** How far under the audio's true peak (dB) the limiter is tried: one measure per rung. */
    static final double[] RUNG_DEPTHS = {0.5, 1.5, 3, 5, 8, 12};

    /** The limited gain {@code first} found again from what the ladder pass ({@link #ladderCommand}) logged of each rung. */
    public MasteringGain throughLadder(MasteringGain first, String ladderLog) {
        return MasteringGain.interpolated(first.target(), first.measured(), first.limiterRungs(), parseAll(ladderLog));
    }

    /** The gain to master with, from what the join measured (null: nothing measured). */
    public MasteringGain gain(Loudness target, LoudnessMeasure joined) {
        return new MasteringGain(target, joined);
    }

    /**
     * FFmpeg arguments that only measure: {@code wav} through the limiter at each of the limited {@code gain}'s rungs
     * ({@link MasteringGain#limiterRungs}) as the encode would limit it
     * (four times the sample rate, back to 44.1 kHz), integrated loudness only, writing nothing; the one more pass a
     * soundtrack or a merged video's mix takes when a limiter must hold its true peak.
     */
    public List<String> ladderCommand(Path wav, MasteringGain gain) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        args.addAll(List.of("-loglevel", "info"));
        args.addAll(FfmpegArgs.localInput(wav));
        List<String> measures = new ArrayList<>();
        for (double rung : gain.limiterRungs()) {
            measures.add(String.format(Locale.ROOT, "aresample=%d,alimiter=limit=%.6f:attack=1:release=60:level=false,aresample=%d,"
                    + "ebur128=framelog=verbose", 4 * SceneAudioCommands.SAMPLE_RATE, Math.pow(10, rung / 20),
                    SceneAudioCommands.SAMPLE_RATE));
        }
        StringBuilder graph = new StringBuilder("[0:a]asplit=").append(measures.size());
        for (int i = 0; i < measures.size(); i++) {
            graph.append("[rung").append(i).append(']');
        }
        for (int i = 0; i < measures.size(); i++) {
            graph.append(";[rung").append(i).append(']').append(measures.get(i)).append("[measured").append(i).append(']');
        }
        args.addAll(List.of("-filter_complex", graph.toString()));
        for (int i = 0; i < measures.size(); i++) {
            args.addAll(List.of("-map", "[measured" + i + "]", "-f", "null", "-"));
        }
        return args;
    }

    /**
     * FFmpeg arguments encoding the deliverable from the joined WAV, mastered with {@code gain} when it applies, and
     * with {@code measured} also measuring in the same run what goes into the encoder (the meter on a branch of the
     * graph): the delivered file's loudness (a WAV's exactly; an MP3's integrated loudness within a few hundredths of
     * a LU, its true peak before the encode, which the ceiling's margin covers).
     */
    public List<String> encodeCommand(Path joinedWav, MasteringGain gain, String format, Path out, boolean measured) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        if (measured) {
            args.addAll(List.of("-loglevel", "info"));
        }
        args.addAll(FfmpegArgs.localInput(joinedWav));
        // the soundtrack's format, 44.1 kHz stereo, whatever the rate the join wrote at
        String layout = "wav".equals(format) ? "sample_fmts=s16:channel_layouts=stereo" : "channel_layouts=stereo";
        String mastering = (gain.applies() ? filter(gain) + "," : "") + "aresample=" + SceneAudioCommands.SAMPLE_RATE + ",aformat=" + layout;
        List<String> codec = "wav".equals(format) ? List.of("-c:a", "pcm_s16le", out.toString())
                : List.of("-c:a", "libmp3lame", "-b:a", "192k", out.toString());
        if (measured) {
            args.addAll(List.of("-filter_complex", "[0:a]" + mastering + ",asplit=2[deliver][measure];[measure]" + QUIET_METER + "[measured]",
                    "-map", "[deliver]"));
            args.addAll(codec);
            args.addAll(List.of("-map", "[measured]", "-f", "null", "-"));
        } else {
            args.addAll(List.of("-af", mastering));
            args.addAll(codec);
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

    private static final Pattern METER_SUMMARY = Pattern.compile("\\[Parsed_ebur128_(\\d+) @ [^\\]]*\\] Summary:");

    /**
     * Every meter's summary in a run that has several, in the order of the filter graph (FFmpeg numbers its filters
     * so, and prints their summaries as it closes them, in another order).
     */
    public List<LoudnessMeasure> parseAll(String log) {
        String text = log == null ? "" : log;
        Matcher m = METER_SUMMARY.matcher(text);
        java.util.TreeMap<Integer, LoudnessMeasure> byFilter = new java.util.TreeMap<>();
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {Integer.parseInt(m.group(1)), m.start(), m.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[1] : text.length();
            byFilter.put(starts.get(i)[0], parse(text.substring(starts.get(i)[1], end)));
        }
        return new ArrayList<>(byFilter.values());
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
