package io.scenescore.composer;

import java.util.List;

/**
 * A composed scene before rendering: its notes in beats, the instruments, and the tempo map that turns beats
 * into time.
 *
 * @param notes           every note, any order
 * @param orchestration   instruments and effects per channel
 * @param tempo           beats to seconds
 * @param durationSeconds length of the scene
 */
record Score(List<Note> notes, Orchestration orchestration, TempoMap tempo, double durationSeconds) {

    Score {
        notes = List.copyOf(notes);
    }
}
