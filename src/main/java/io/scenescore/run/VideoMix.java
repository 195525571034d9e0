package io.scenescore.run;

import io.scenescore.media.LoudnessMeasure;
import io.scenescore.media.MasteringGain;

/**
 * How a run lays its soundtrack under the video: the mix applied (duck, blend or replace), why it is not the one
 * asked for (null when it is), the gain the mix is mastered with, and the loudness measured on the merged video.
 * The SQL that records the merge reads it ({@code ${exchangeProperty.run.videoMix.applied}}).
 */
public final class VideoMix {

    private final String applied;
    private final String note;
    private volatile MasteringGain mastering;
    private volatile LoudnessMeasure delivered;

    public VideoMix(String applied, String note) {
        this.applied = applied;
        this.note = note;
    }

    public String getApplied() {
        return applied;
    }

    public String getNote() {
        return note;
    }

    /** Whether the video's sound is looked for, to duck the music under it. */
    public boolean isDucking() {
        return "duck".equals(applied);
    }

    public MasteringGain getMastering() {
        return mastering;
    }

    void masterWith(MasteringGain gain) {
        this.mastering = gain;
    }

    public LoudnessMeasure getDelivered() {
        return delivered;
    }

    void delivered(LoudnessMeasure measured) {
        this.delivered = measured;
    }

    public Double getIntegrated() {
        return delivered == null ? null : delivered.integrated();
    }

    public Double getTruePeak() {
        return delivered == null ? null : delivered.truePeak();
    }

    public Double getRange() {
        return delivered == null ? null : delivered.range();
    }
}
