package io.scenescore.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.scenescore.job.Loudness;

/**
 * The gain a soundtrack is mastered with. Without a limiter it is exact: the target minus what the join measured.
 * When the limiter has to hold the true peak it also takes some loudness away. The soundtrack's join measures that
 * in the same pass ({@link #interpolated}): the joined audio limited at a ladder of ceilings, each measured, and since
 * limiting {@code g·x} at {@code c} is limiting {@code x} at {@code c/g} then applying {@code g}, each rung tells the
 * loudness the gain {@code c - rung} would deliver; the gain is interpolated between the rungs around the target.
 * A merged video's mix is measured the same way, its ladder in one more pass that only measures, taken only when the
 * limiter is needed.
 */
public final class MasteringGain {

    private final Loudness target;
    private final LoudnessMeasure joined;
    private double gain;
    private int rungsUsed;
    private boolean beyondRungs;

    MasteringGain(Loudness target, LoudnessMeasure joined) {
        this.target = target;
        this.joined = joined;
        this.gain = applies() ? target.integrated() - joined.integrated() : 0;
    }

    /**
     * The gain from one measuring pass: {@code joined} as measured, and {@code limited.get(k)} what the joined audio
     * measured limited at {@code rungs.get(k)} dBFS (the limiter as {@link LoudnessCommands} runs it). Exact when no
     * limiter is needed; otherwise interpolated between the rungs whose loudness brackets the target, or carried on
     * from the last two when the target lies beyond them.
     */
    public static MasteringGain interpolated(Loudness target, LoudnessMeasure joined, List<Double> rungs,
                                             List<LoudnessMeasure> limited) {
        MasteringGain mastering = new MasteringGain(target, joined);
        if (!mastering.limited()) {
            return mastering;
        }
        double ceiling = mastering.ceiling();
        // (gain, loudness delivered): up to c - TP the gain is linear, the limiter untouched
        double linearEnd = ceiling - joined.truePeak();
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {linearEnd, joined.integrated() + linearEnd});
        for (int k = 0; k < rungs.size() && k < limited.size(); k++) {
            LoudnessMeasure m = limited.get(k);
            double gain = ceiling - rungs.get(k);
            if (m != null && m.integrated() != null && gain > linearEnd + 0.05) {
                points.add(new double[] {gain, m.integrated() + gain});
            }
        }
        points.sort(Comparator.comparingDouble(p -> p[0]));
        mastering.rungsUsed = points.size() - 1;
        double want = target.integrated();
        for (int i = 0; i + 1 < points.size(); i++) {
            double[] a = points.get(i);
            double[] b = points.get(i + 1);
            if (want <= b[1]) {
                double slope = Math.max(0.1, (b[1] - a[1]) / (b[0] - a[0]));
                mastering.gain = a[0] + (want - a[1]) / slope;
                return mastering;
            }
        }
        // beyond the last rung (or no rung measured): on from the last two points, each dB bought at their rate
        double[] last = points.get(points.size() - 1);
        double slope = 1;
        if (points.size() > 1) {
            double[] before = points.get(points.size() - 2);
            slope = Math.max(0.1, Math.min(1, (last[1] - before[1]) / (last[0] - before[0])));
        }
        mastering.gain = last[0] + (want - last[1]) / slope;
        mastering.beyondRungs = true;
        return mastering;
    }

    /** How many rungs of the measuring pass's ladder the gain was found from (0: none was needed or measured). */
    public int rungsUsed() {
        return rungsUsed;
    }

    /** Whether the target lay beyond the ladder and the gain was carried on past its last rung. */
    public boolean beyondRungs() {
        return beyondRungs;
    }

    /** Whether there is anything to master: a target, and audible audio. */
    public boolean applies() {
        return target.applies() && joined != null && joined.audible();
    }

    /** Whether the gain alone would lift the true peak over the ceiling, so a limiter holds it. */
    public boolean limited() {
        return applies() && joined.truePeak() + gain > ceiling();
    }

    /**
     * What the mastered audio measures, known without measuring it again when the gain alone masters it (no limiter):
     * a gain moves the integrated loudness and the true peak by itself and leaves the range as it is. The gain is
     * taken as the encode applies it, to the hundredth of a dB. Null when a limiter acts (the encode measures then) or
     * nothing was mastered.
     */
    public LoudnessMeasure delivered() {
        if (!applies() || limited()) {
            return null;
        }
        double applied = Math.round(gain * 100) / 100.0;
        return new LoudnessMeasure(tenth(joined.integrated() + applied), tenth(joined.truePeak() + applied), joined.range());
    }

    /** To the tenth, as the meter prints its figures. */
    private static double tenth(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * The ceilings (dBFS, on the audio as measured) to try the limiter at when it is needed, one measure each in the
     * ladder pass ({@link LoudnessCommands#ladderCommand}): {@link LoudnessCommands#RUNG_DEPTHS} under the true peak;
     * none when the gain alone masters the audio.
     */
    public List<Double> limiterRungs() {
        List<Double> rungs = new ArrayList<>();
        if (limited()) {
            for (double depth : LoudnessCommands.RUNG_DEPTHS) {
                rungs.add(joined.truePeak() - depth);
            }
        }
        return rungs;
    }

    Loudness target() {
        return target;
    }

    /** What the gain was found from: the audio as measured before mastering (null: nothing measured). */
    public LoudnessMeasure measured() {
        return joined;
    }

    double ceiling() {
        return target.truePeak() - LoudnessCommands.ENCODE_MARGIN;
    }

    double gain() {
        return gain;
    }
}
