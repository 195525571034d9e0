package io.scenescore.composer;

import java.util.List;

/** Writes the bass line: held roots, roots and fifths, driving eighths, octave eighths or a walking line. */
final class BassWriter {

    private static final int LOWEST_ROOT = 33;

    private BassWriter() {
    }

    static void write(List<BarPlan> bars, DiatonicScale scale, Orchestration o, double energy, HumanisedNotes out) {
        if (o.bassProgram() < 0) {
            return;
        }
        int ch = Orchestration.BASS;
        int key = scale.keyRoot();
        double base = 70 + 30 * energy;
        for (int i = 0; i < bars.size(); i++) {
            BarPlan bar = bars.get(i);
            int root = bar.chord().rootAtOrAbove(LOWEST_ROOT, key);
            double v = base * bar.dynamics();
            double start = bar.startBeat();
            double length = bar.lengthBeats();
            if (bar.finalBar()) {
                out.add(ch, start, length, root, v);
                continue;
            }
            switch (o.bass()) {
                case HELD -> out.add(ch, start, length, root, v);
                case HALF_NOTES -> {
                    if (length >= 4) {
                        out.add(ch, start, 1.95, root, v);
                        int second = bar.chord().contains(root + 7, key) ? root + 7 : root + 12;
                        out.add(ch, start + 2, length - 2.05, second, v - 6);
                    } else {
                        out.add(ch, start, length, root, v);
                    }
                }
                case EIGHTHS, OCTAVE_EIGHTHS -> {
                    int step = 0;
                    for (double t = 0; t < length - 1e-9; t += 0.5, step++) {
                        boolean octave = o.bass() == Orchestration.BassPattern.OCTAVE_EIGHTHS && (step % 4 == 2);
                        double accent = t % 1 == 0 ? 8 : 0;
                        out.add(ch, start + t, 0.42, octave ? root + 12 : root, v - 6 + accent);
                    }
                }
                case WALKING -> {
                    int nextRoot = i + 1 < bars.size()
                            ? bars.get(i + 1).chord().rootAtOrAbove(LOWEST_ROOT, key) : root;
                    int third = bar.chord().nearestTone(root + 4, key);
                    int fifth = bar.chord().nearestTone(root + 7, key);
                    boolean even = bar.index() % 2 == 0;
                    int[] line = {root, even ? third : fifth, even ? fifth : (root + 12 <= 50 ? root + 12 : third),
                            even ? nextRoot - 1 : nextRoot + 1};
                    int beats = (int) Math.floor(length + 1e-9);
                    for (int b = 0; b < beats; b++) {
                        int pitch = b == beats - 1 && beats > 1 ? line[3] : line[Math.min(b, 2)];
                        out.add(ch, start + b, 0.9, pitch, v - (b % 2 == 0 ? 0 : 8));
                    }
                }
            }
        }
    }
}
