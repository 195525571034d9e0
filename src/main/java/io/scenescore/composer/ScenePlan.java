package io.scenescore.composer;

import java.util.List;

/**
 * Key, mode, tempo and motif for one scene, as the continuation rules decided them.
 *
 * @param keyRoot       tonic pitch class, 0..11
 * @param minor         minor or major
 * @param startTempoBpm tempo at the first beat: the previous scene's tempo, so the music does not jump
 * @param tempoBpm      tempo reached after a short ramp and held to the end
 * @param motif         scale degrees of the melodic cell (see {@link MusicalContext#motif()})
 * @param continuation  how this scene relates to the previous one
 */
record ScenePlan(int keyRoot, boolean minor, double startTempoBpm, double tempoBpm, List<Integer> motif,
                 Continuation continuation) {

    /** How a scene follows the one before it. */
    enum Continuation {
        /** No previous scene: key, tempo and motif chosen afresh. */
        FIRST,
        /** Same mood: key, tempo and motif carried over unchanged. */
        SAME_MOOD,
        /** Mood changed: moved to a related key, tempo stepped towards the new mood, motif varied. */
        MODULATED
    }

    ScenePlan {
        motif = List.copyOf(motif);
    }

    DiatonicScale scale() {
        return new DiatonicScale(keyRoot, minor);
    }

    /** What the next scene continues from. */
    MusicalContext context() {
        return new MusicalContext(keyRoot, minor, tempoBpm, motif);
    }
}
