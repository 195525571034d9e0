package io.scenescore.media;

/**
 * What FFmpeg's EBU R128 meter (ebur128, with true peak) measured of a file: integrated loudness (LUFS), true peak
 * (dBTP) and loudness range (LU). Null members where it found nothing to measure (silence: -inf).
 */
public record LoudnessMeasure(Double integrated, Double truePeak, Double range) {

    /** Whether there is sound to correct: silence (the meter's floor, -70 LUFS) has no loudness to bring anywhere. */
    public boolean audible() {
        return integrated != null && integrated > -70 && truePeak != null;
    }
}
