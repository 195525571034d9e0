package io.scenescore.composer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the moving inner part: arpeggios, pulsing chords, a low action ostinato, piano broken chords, jazz
 * comping, guitar strumming or sparse high notes. Faster figures for more energy.
 */
final class AccompanimentWriter {

    private AccompanimentWriter() {
    }

    static void write(List<BarPlan> bars, int keyRoot, Orchestration o, MoodProfile mood, double tempoBpm,
                      Random random, HumanisedNotes out) {
        if (o.accompanimentProgram() < 0 || o.accompaniment() == Orchestration.AccompanimentPattern.NONE) {
            return;
        }
        int ch = Orchestration.ACCOMPANIMENT;
        double energy = mood.energy();
        boolean ringing = ringing(o.accompanimentProgram());
        List<Integer> previous = null;
        for (BarPlan bar : bars) {
            double v = (52 + 34 * energy) * bar.dynamics();
            double start = bar.startBeat();
            double length = bar.lengthBeats();
            List<Integer> voicing = ChordVoicer.voice(bar.chord(), keyRoot, previous, 50, 74);
            previous = voicing;
            if (bar.finalBar()) {
                // one rolled chord that rings into the end
                List<Integer> roll = new ArrayList<>();
                roll.add(bar.chord().rootAtOrAbove(40, keyRoot));
                roll.addAll(voicing);
                for (int k = 0; k < roll.size(); k++) {
                    out.add(ch, start + k * 0.08, Math.max(0.5, length - k * 0.08), roll.get(k), v - 4);
                }
                continue;
            }
            switch (o.accompaniment()) {
                case ARPEGGIO -> {
                    double rate = energy < 0.3 ? (tempoBpm < 90 ? 0.5 : 1.0) : (energy < 0.65 ? 0.5 : 0.25);
                    List<Integer> tones = new ArrayList<>();
                    tones.add(bar.chord().rootAtOrAbove(45, keyRoot));
                    tones.addAll(voicing);
                    tones.add(voicing.get(0) + 12);
                    int[] order = upAndDown(tones.size());
                    int k = 0;
                    for (double t = 0; t < length - 1e-9; t += rate, k++) {
                        double hold = ringing ? Math.min(rate * 3, length - t + 1) : rate * 0.9;
                        double accent = t % 1 == 0 ? 6 : 0;
                        out.add(ch, start + t, hold, tones.get(order[k % order.length]), v - 6 + accent);
                    }
                }
                case PULSE -> {
                    double rate = energy >= 0.85 && tempoBpm < 130 ? 0.25 : 0.5;
                    for (double t = 0; t < length - 1e-9; t += rate) {
                        double accent = t % 1 == 0 ? 10 : 0;
                        for (int pitch : voicing) {
                            out.add(ch, start + t, rate * 0.7, pitch, v - 10 + accent);
                        }
                    }
                }
                case OSTINATO -> {
                    double rate = tempoBpm <= 140 ? 0.25 : 0.5;
                    int root = bar.chord().rootAtOrAbove(45, keyRoot);
                    int fifth = bar.chord().nearestTone(root + 7, keyRoot);
                    int colour = bar.chord().nearestTone(root + 3, keyRoot);
                    int[] figure = {root, root, fifth, root, root + 12, root, fifth, colour};
                    int k = 0;
                    for (double t = 0; t < length - 1e-9; t += rate, k++) {
                        double accent = t % 1 == 0 ? 14 : 0;
                        out.add(ch, start + t, rate * 0.8, figure[k % figure.length], v - 10 + accent);
                    }
                }
                case BROKEN_CHORDS -> {
                    int low = bar.chord().rootAtOrAbove(36, keyRoot);
                    int fifth = bar.chord().nearestTone(low + 7, keyRoot);
                    int tenth = bar.chord().nearestTone(low + 16, keyRoot);
                    int[] figure = {low, fifth, tenth, fifth};
                    double rate = energy < 0.3 ? 1.0 : 0.5;
                    int k = 0;
                    for (double t = 0; t < length - 1e-9; t += rate, k++) {
                        out.add(ch, start + t, Math.min(rate * 2.5, length - t + 0.5), figure[k % 4],
                                v - (k % 4 == 0 ? 2 : 10));
                    }
                }
                case COMPING -> {
                    double[][] rhythms = {{0, 1.5, 3}, {0.5, 2}, {0, 2.5}, {1.5, 3}, {0, 1.5, 2.5}};
                    double[] rhythm = rhythms[random.nextInt(rhythms.length)];
                    List<Integer> rootless = ChordVoicer.voice(bar.chord(), keyRoot, null, 53, 72);
                    for (double t : rhythm) {
                        if (t >= length) {
                            continue;
                        }
                        double hold = random.nextBoolean() ? 0.4 : 0.9;
                        for (int pitch : rootless) {
                            out.add(ch, start + t, hold, pitch, v - 8);
                        }
                    }
                }
                case STRUM -> {
                    List<Integer> strings = new ArrayList<>();
                    strings.add(bar.chord().rootAtOrAbove(40, keyRoot));
                    strings.addAll(ChordVoicer.voice(bar.chord(), keyRoot, null, 47, 67));
                    double[] strums = {0, 1, 1.5, 2.5, 3, 3.5};
                    boolean[] down = {true, true, false, false, true, false};
                    for (int s = 0; s < strums.length; s++) {
                        if (strums[s] >= length) {
                            continue;
                        }
                        List<Integer> played = down[s] ? strings : strings.subList(1, strings.size());
                        for (int k = 0; k < played.size(); k++) {
                            int index = down[s] ? k : played.size() - 1 - k;
                            out.add(ch, start + strums[s] + k * 0.02, 0.9, played.get(index),
                                    v - (down[s] ? 4 : 14));
                        }
                    }
                }
                case SPARKLE -> {
                    List<Integer> tones = HarmonyWriter.tonesInRange(bar.chord(), keyRoot, 67, 88);
                    double rate = tempoBpm > 110 ? 1.0 : 0.5;
                    for (double t = 0; t < length - 1e-9; t += rate) {
                        if (random.nextDouble() < 0.35) {
                            out.add(ch, start + t, 2.0, tones.get(random.nextInt(tones.size())), v - 12);
                        }
                    }
                }
                case NONE -> {
                    return;
                }
            }
        }
    }

    /** Plucked and struck instruments ring on; bowed and blown ones stop when released. */
    static boolean ringing(int program) {
        return program <= 15 || (program >= 24 && program <= 28) || program == 45 || program == 46
                || program == 47 || (program >= 104 && program <= 108);
    }

    private static int[] upAndDown(int size) {
        if (size <= 1) {
            return new int[] {0};
        }
        int[] order = new int[2 * size - 2];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = 1; i < size - 1; i++) {
            order[size - 1 + i] = size - 1 - i;
        }
        return order;
    }
}
