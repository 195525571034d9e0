package io.scenescore.composer;

/**
 * One note of the score, timed in beats from the start of the scene.
 *
 * @param channel     MIDI channel, 0-based (9 is the drum kit)
 * @param startBeat   when it starts
 * @param lengthBeats how long it is held
 * @param pitch       MIDI pitch 0..127
 * @param velocity    MIDI velocity 1..127
 */
record Note(int channel, double startBeat, double lengthBeats, int pitch, int velocity) {

    Note {
        if (pitch < 0 || pitch > 127 || velocity < 1 || velocity > 127 || !(lengthBeats > 0) || !(startBeat >= 0)) {
            throw new IllegalArgumentException("invalid note " + channel + "/" + startBeat + "/" + lengthBeats
                    + "/" + pitch + "/" + velocity);
        }
    }
}
