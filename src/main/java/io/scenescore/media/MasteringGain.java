package io.scenescore.media;

import io.scenescore.job.Loudness;

/**
 * The gain a soundtrack is mastered with. Without a limiter it is exact: the target minus what the join measured.
 * When the limiter has to hold the true peak it also takes some loudness away, so the gain is found by trying it:
 * the limited audio is measured (a measuring pass on the uncompressed audio, no encode), the gain raised by what is
 * missing, at most {@link #MAX_TRIES} times, until it lands within {@link #CLOSE_ENOUGH} LU.
 */
public final class MasteringGain {

    static final int MAX_TRIES = 5;
    static final double CLOSE_ENOUGH = 0.2;
    private final Loudness target;
    private final LoudnessMeasure joined;
    private double gain;
    private int tries;
    private double missing;
    private Double lastGain;
    private Double lastLoudness;

    MasteringGain(Loudness target, LoudnessMeasure joined) {
        this.target = target;
        this.joined = joined;
        this.gain = applies() ? target.integrated() - joined.integrated() : 0;
        this.missing = limited() ? Double.POSITIVE_INFINITY : 0;
    }

    /** Whether there is anything to master: a target, and audible audio. */
    public boolean applies() {
        return target.applies() && joined != null && joined.audible();
    }

    /** Whether the gain alone would lift the true peak over the ceiling, so a limiter holds it. */
    public boolean limited() {
        return applies() && joined.truePeak() + gain > ceiling();
    }

    /** Whether another try of the gain is worth making. */
    public boolean searching() {
        return limited() && tries < MAX_TRIES && Math.abs(missing) > CLOSE_ENOUGH;
    }

    double ceiling() {
        return target.truePeak() - LoudnessCommands.ENCODE_MARGIN;
    }

    double gain() {
        return gain;
    }

    /**
     * What the limited audio measured on a try: the gain moves by what is missing, scaled by how much loudness the
     * last change of gain bought (the limiter takes a growing share as the gain rises): a secant step.
     */
    public void tried(LoudnessMeasure measured) {
        tries++;
        if (measured == null || measured.integrated() == null) {
            missing = 0;
            return;
        }
        double loudness = measured.integrated();
        missing = target.integrated() - loudness;
        if (Math.abs(missing) <= CLOSE_ENOUGH) {
            return;
        }
        double slope = 1;
        if (lastGain != null && gain != lastGain) {
            slope = Math.max(0.1, Math.min(1, (loudness - lastLoudness) / (gain - lastGain)));
        }
        lastGain = gain;
        lastLoudness = loudness;
        gain += missing / slope;
    }

    public int tries() {
        return tries;
    }
}
