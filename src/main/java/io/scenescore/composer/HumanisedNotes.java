package io.scenescore.composer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Collects the notes of a score, each nudged a little in time and loudness (seeded) so that the parts do not
 * sound machine-stiff. Notes outside the MIDI range are dropped.
 */
final class HumanisedNotes {

    private static final double TIMING_JITTER_BEATS = 0.006;
    private static final double VELOCITY_JITTER = 4;

    private final List<Note> notes = new ArrayList<>();
    private final Random random;

    HumanisedNotes(Random random) {
        this.random = random;
    }

    /** Adds a note; {@code velocity} may be fractional or out of range and is rounded and clamped. */
    void add(int channel, double startBeat, double lengthBeats, int pitch, double velocity) {
        double start = startBeat + (random.nextDouble() * 2 - 1) * TIMING_JITTER_BEATS;
        double level = velocity + (random.nextDouble() * 2 - 1) * VELOCITY_JITTER;
        if (pitch < 0 || pitch > 127 || lengthBeats <= 0) {
            return;
        }
        int v = (int) Math.max(1, Math.min(127, Math.round(level)));
        notes.add(new Note(channel, Math.max(0, start), lengthBeats, pitch, v));
    }

    List<Note> notes() {
        return List.copyOf(notes);
    }
}
