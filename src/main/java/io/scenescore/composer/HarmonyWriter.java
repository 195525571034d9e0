package io.scenescore.composer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Writes the sustained harmony (pad) and the colour layer that enters half way. */
final class HarmonyWriter {

    private HarmonyWriter() {
    }

    static void writePad(List<BarPlan> bars, int keyRoot, Orchestration o, double energy, HumanisedNotes out) {
        if (o.padProgram() < 0) {
            return;
        }
        int ch = Orchestration.PAD;
        switch (o.padStyle()) {
            case SUSTAIN -> {
                double velocity = 50 + 30 * energy;
                int i = 0;
                while (i < bars.size()) {
                    BarPlan first = bars.get(i);
                    int j = i;
                    while (j + 1 < bars.size() && bars.get(j + 1).voicing().equals(first.voicing())) {
                        j++;
                    }
                    double length = bars.get(j).endBeat() - first.startBeat();
                    for (int pitch : first.voicing()) {
                        out.add(ch, first.startBeat(), length, pitch, velocity * first.dynamics());
                    }
                    i = j + 1;
                }
            }
            case RESTRIKE -> {
                double velocity = 42 + 28 * energy;
                for (BarPlan bar : bars) {
                    boolean twice = energy >= 0.65 && !bar.finalBar() && bar.lengthBeats() >= 4;
                    double length = twice ? bar.lengthBeats() / 2 : bar.lengthBeats();
                    for (int pitch : bar.voicing()) {
                        out.add(ch, bar.startBeat(), length, pitch, velocity * bar.dynamics());
                        if (twice) {
                            out.add(ch, bar.startBeat() + length, length, pitch, velocity * 0.9 * bar.dynamics());
                        }
                    }
                }
            }
            case POWER_EIGHTHS -> {
                for (BarPlan bar : bars) {
                    int root = bar.chord().rootAtOrAbove(40, keyRoot);
                    int[] power = {root, root + 7, root + 12};
                    if (bar.finalBar()) {
                        for (int pitch : power) {
                            out.add(ch, bar.startBeat(), bar.lengthBeats(), pitch, (80 + 25 * energy) * bar.dynamics());
                        }
                        continue;
                    }
                    for (double t = 0; t < bar.lengthBeats() - 1e-9; t += 0.5) {
                        double accent = t % 1 == 0 ? 12 : 0;
                        for (int pitch : power) {
                            out.add(ch, bar.startBeat() + t, 0.42, pitch, (62 + 25 * energy + accent) * bar.dynamics());
                        }
                    }
                }
            }
        }
    }

    static void writeColour(List<BarPlan> bars, int keyRoot, Orchestration o, double energy, Random random,
                            HumanisedNotes out) {
        if (o.colourProgram() < 0 || o.colour() == Orchestration.ColourPattern.NONE) {
            return;
        }
        int ch = Orchestration.COLOUR;
        List<Integer> previous = null;
        for (BarPlan bar : bars) {
            if (!bar.build()) {
                continue;
            }
            switch (o.colour()) {
                case HELD_HIGH -> {
                    List<Integer> voicing = ChordVoicer.voice(bar.chord(), keyRoot, previous, 64, 86);
                    previous = voicing;
                    for (int pitch : voicing) {
                        out.add(ch, bar.startBeat(), bar.lengthBeats(), pitch, (44 + 26 * energy) * bar.dynamics());
                    }
                }
                case BRASS_CHORDS -> {
                    List<Integer> voicing = ChordVoicer.voice(bar.chord(), keyRoot, previous, 55, 76);
                    previous = voicing;
                    double velocity = (58 + 36 * energy) * bar.dynamics();
                    if (energy < 0.65 || bar.finalBar() || bar.lengthBeats() < 4) {
                        for (int pitch : voicing) {
                            out.add(ch, bar.startBeat(), bar.lengthBeats(), pitch, velocity);
                        }
                    } else {
                        for (int pitch : voicing) {
                            out.add(ch, bar.startBeat(), 1.4, pitch, velocity + 6);
                            out.add(ch, bar.startBeat() + 1.5, 1.0, pitch, velocity - 8);
                            out.add(ch, bar.startBeat() + 2.5, bar.lengthBeats() - 2.6, pitch, velocity);
                        }
                    }
                }
                case SPARKLE -> {
                    List<Integer> tones = tonesInRange(bar.chord(), keyRoot, 79, 96);
                    if (bar.finalBar()) {
                        out.add(ch, bar.startBeat(), Math.min(3, bar.lengthBeats()), tones.get(0),
                                (40 + 30 * energy) * bar.dynamics());
                        continue;
                    }
                    for (double t = 0; t < bar.lengthBeats() - 1e-9; t += 0.5) {
                        if (random.nextDouble() < 0.22) {
                            int pitch = tones.get(random.nextInt(tones.size()));
                            out.add(ch, bar.startBeat() + t, 1.5, pitch, (40 + 30 * energy) * bar.dynamics());
                        }
                    }
                }
                case NONE -> {
                    return;
                }
            }
        }
    }

    /** Every pitch between low and high (inclusive) that is a tone of the chord, low to high. */
    static List<Integer> tonesInRange(Chord chord, int keyRoot, int low, int high) {
        List<Integer> tones = new ArrayList<>();
        for (int pitch = low; pitch <= high; pitch++) {
            if (chord.contains(pitch, keyRoot)) {
                tones.add(pitch);
            }
        }
        return tones;
    }
}
