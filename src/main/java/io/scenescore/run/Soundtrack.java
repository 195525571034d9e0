package io.scenescore.run;

import java.nio.file.Path;

import io.scenescore.media.LoudnessMeasure;

/**
 * The run's soundtrack: the deliverable file, its format, exact length and loudness (null members where it is
 * silent). Its size and ETag are taken as {@link MusicStore} streams it into the database.
 */
public record Soundtrack(Path file, String format, double durationSeconds, LoudnessMeasure loudness) {

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
