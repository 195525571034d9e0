package io.scenescore.composer;

/**
 * Converts between beats and seconds for a tempo that moves linearly (per beat) from a start tempo to an end
 * tempo over the first {@code rampBeats} beats and then stays. A ramp of zero beats is a steady tempo.
 */
record TempoMap(double startBpm, double endBpm, double rampBeats) {

    TempoMap {
        if (!(startBpm > 0) || !(endBpm > 0) || !(rampBeats >= 0)) {
            throw new IllegalArgumentException("tempos must be positive and the ramp not negative");
        }
    }

    static TempoMap steady(double bpm) {
        return new TempoMap(bpm, bpm, 0);
    }

    private boolean ramps() {
        return rampBeats > 0 && Math.abs(endBpm - startBpm) > 1e-9;
    }

    /** Tempo in beats per minute at a beat. */
    double bpmAt(double beat) {
        if (!ramps() || beat >= rampBeats) {
            return endBpm;
        }
        return startBpm + (endBpm - startBpm) * Math.max(0, beat) / rampBeats;
    }

    /** Seconds from the start to a beat. */
    double secondsAt(double beat) {
        if (!ramps()) {
            return beat * 60 / endBpm;
        }
        double slope = (endBpm - startBpm) / rampBeats;
        if (beat <= rampBeats) {
            return 60 / slope * StrictMath.log(bpmAt(beat) / startBpm);
        }
        return 60 / slope * StrictMath.log(endBpm / startBpm) + (beat - rampBeats) * 60 / endBpm;
    }

    /** Beats from the start to a time in seconds. */
    double beatAt(double seconds) {
        if (!ramps()) {
            return seconds * endBpm / 60;
        }
        double slope = (endBpm - startBpm) / rampBeats;
        double rampSeconds = secondsAt(rampBeats);
        if (seconds <= rampSeconds) {
            double bpm = startBpm * StrictMath.exp(seconds * slope / 60);
            return (bpm - startBpm) / slope;
        }
        return rampBeats + (seconds - rampSeconds) * endBpm / 60;
    }
}
