package io.scenescore.run;

import java.nio.file.Path;

import io.scenescore.media.LoudnessMeasure;

/**
 * The run's soundtrack as stored: the deliverable file, its format, exact length, size and ETag, and its loudness
 * as measured on the delivered file (null members where it is silent).
 */
public record Soundtrack(Path file, String format, double durationSeconds, long sizeBytes, String etag, LoudnessMeasure loudness) {

    public Double integratedLufs() {
        return loudness == null ? null : loudness.integrated();
    }

    public Double truePeakDbtp() {
        return loudness == null ? null : loudness.truePeak();
    }

    public Double rangeLu() {
        return loudness == null ? null : loudness.range();
    }
}
