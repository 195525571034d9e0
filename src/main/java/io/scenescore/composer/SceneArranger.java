package io.scenescore.composer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a mood and a plan into a score: lays out the bars of a 4/4 scene (the last bar, holding the closing
 * chord to the end, lasts at least two beats and 1.6 seconds), chooses and voices the chords, and has each part written. Every part draws from
 * its own seeded random stream, so the parts do not shift each other.
 */
final class SceneArranger {

    static final int BEATS_PER_BAR = 4;
    /** The tempo ramp from the previous scene spans at most this many beats (two bars). */
    static final double MAX_RAMP_BEATS = 8;

    private final ProgressionPlanner progressions = new ProgressionPlanner();

    Score arrange(MoodProfile mood, ScenePlan plan, double durationSeconds, Random random) {
        Orchestration orchestration = Orchestration.forMood(mood);
        double rampBeats = Math.min(MAX_RAMP_BEATS, durationSeconds * plan.startTempoBpm() / 60 / 2);
        TempoMap tempo = new TempoMap(plan.startTempoBpm(), plan.tempoBpm(), rampBeats);
        double totalBeats = tempo.beatAt(durationSeconds);
        List<BarPlan> bars = layOut(mood, plan, totalBeats, random);

        Random[] streams = new Random[7];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = new Random(random.nextLong());
        }
        DiatonicScale scale = plan.scale();
        int key = plan.keyRoot();
        double energy = mood.energy();
        HumanisedNotes notes = new HumanisedNotes(streams[0]);
        HarmonyWriter.writePad(bars, key, orchestration, energy, notes);
        BassWriter.write(bars, scale, orchestration, energy, notes);
        AccompanimentWriter.write(bars, key, orchestration, mood, plan.tempoBpm(), streams[1], notes);
        MelodyWriter.write(bars, scale, plan.motif(), mood, orchestration, streams[2], notes);
        HarmonyWriter.writeColour(bars, key, orchestration, energy, streams[3], notes);
        DrumWriter.writeDrums(bars, orchestration, energy, notes);
        DrumWriter.writeTimpani(bars, key, orchestration, energy, notes);
        return new Score(notes.notes(), orchestration, tempo, durationSeconds);
    }

    private List<BarPlan> layOut(MoodProfile mood, ScenePlan plan, double totalBeats, Random random) {
        // the closing chord gets at least two beats and 1.6 seconds, and less than a bar more than that
        double closing = Math.max(2, 1.6 * plan.tempoBpm() / 60);
        int count = totalBeats <= closing ? 1 : (int) Math.floor((totalBeats - closing) / BEATS_PER_BAR) + 1;
        List<Chord> chords = progressions.chordsPerBar(mood, plan.minor(), count, random);
        int introBars = count >= 6 ? 1 : 0;
        int buildFrom = count >= 6 ? count / 2 : (count >= 3 ? 1 : count);
        List<BarPlan> bars = new ArrayList<>();
        List<Integer> previous = null;
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            double start = (double) i * BEATS_PER_BAR;
            double length = last ? totalBeats - start : BEATS_PER_BAR;
            List<Integer> voicing = ChordVoicer.voice(chords.get(i), plan.keyRoot(), previous, 52, 76);
            previous = voicing;
            double progress = count == 1 ? 1 : (double) i / (count - 1);
            double dynamics = last ? 0.95 : 0.84 + 0.2 * smoothStep(progress);
            bars.add(new BarPlan(i, start, length, chords.get(i), voicing, dynamics, i < introBars, last,
                    i >= buildFrom));
        }
        return bars;
    }

    private static double smoothStep(double x) {
        return x * x * (3 - 2 * x);
    }
}
