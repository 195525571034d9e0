package io.scenescore.composer;

import java.util.List;

/**
 * What one scene hands the next so the music continues: key, mode, tempo, and a motif.
 *
 * @param keyRoot  pitch class of the tonic: 0 = C, 1 = C sharp, ... 11 = B
 * @param minor    true for a minor key, false for major
 * @param tempoBpm tempo the scene ends at, in quarter-note beats per minute
 * @param motif    the melodic cell as diatonic scale degrees counted from the tonic: 0 is the tonic, 1 the
 *                 second, 2 the third, 4 the fifth, 7 the octave above, -1 the seventh below. Degrees rather
 *                 than semitones, so the same motif fits a major and a minor key. Never null: null becomes an
 *                 empty list (the next scene then invents a motif of its own).
 */
public record MusicalContext(int keyRoot, boolean minor, double tempoBpm, List<Integer> motif) {

    public MusicalContext {
        if (keyRoot < 0 || keyRoot > 11) {
            throw new IllegalArgumentException("keyRoot must be a pitch class from 0 to 11, got " + keyRoot);
        }
        if (!(tempoBpm > 0) || Double.isInfinite(tempoBpm)) {
            throw new IllegalArgumentException("tempoBpm must be a positive number, got " + tempoBpm);
        }
        motif = motif == null ? List.of() : List.copyOf(motif);
    }
}
