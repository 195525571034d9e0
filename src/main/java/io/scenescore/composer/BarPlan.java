package io.scenescore.composer;

import java.util.List;

/**
 * One bar of the arrangement: where it is, its chord and pad voicing, and how loud it should feel.
 *
 * @param index       0-based bar number
 * @param startBeat   first beat of the bar
 * @param lengthBeats beats in the bar (the final bar runs to the end of the scene, so it may be longer)
 * @param chord       the bar's chord
 * @param voicing     MIDI pitches of the chord for the sustained harmony, low to high
 * @param dynamics    loudness factor about 0.8..1.05, rising through the scene
 * @param intro       part of the opening, where the melody waits
 * @param finalBar    the last bar: the closing chord held to the end
 * @param build       in the second half, where the colour layer has entered
 */
record BarPlan(int index, double startBeat, double lengthBeats, Chord chord, List<Integer> voicing, double dynamics,
               boolean intro, boolean finalBar, boolean build) {

    BarPlan {
        voicing = List.copyOf(voicing);
    }

    double endBeat() {
        return startBeat + lengthBeats;
    }
}
