package io.scenescore.media;

/**
 * What an EBU R128 meter (FFmpeg's ebur128 with true peak, or {@link LoudnessMeter} as a join writes) measured of some
 * audio: integrated loudness (LUFS), true peak (dBTP) and loudness range (LU). Null members where it found nothing to
 * measure (silence: -inf).
 */
public record LoudnessMeasure(Double integrated, Double truePeak, Double range) {

    /** Whether there is sound to correct: silence (the meter's floor, -70 LUFS) has no loudness to bring anywhere. */
    public boolean audible() {
        return integrated != null && integrated > -70 && truePeak != null;
    }
}
