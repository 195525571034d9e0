package io.scenescore.composer;

import java.util.List;

/**
 * Writes the drum kit (General MIDI channel 10) and the timpani: soft brushes-like time, backbeats, driving
 * sixteenths, four on the floor, cinematic toms or a swing ride, with a fill closing every fourth bar, a crash
 * opening every phrase when the energy is up, and a last hit on the closing downbeat.
 */
final class DrumWriter {

    private static final int KICK = 36;
    private static final int SIDE_STICK = 37;
    private static final int SNARE = 38;
    private static final int CLOSED_HAT = 42;
    private static final int PEDAL_HAT = 44;
    private static final int OPEN_HAT = 46;
    private static final int CRASH = 49;
    private static final int LOW_TOM = 41;
    private static final int MID_TOM = 45;
    private static final int HIGH_TOM = 48;
    private static final int FLOOR_TOM = 43;

    private DrumWriter() {
    }

    static void writeDrums(List<BarPlan> bars, Orchestration o, double energy, HumanisedNotes out) {
        Orchestration.DrumPattern pattern = o.drums();
        if (pattern == Orchestration.DrumPattern.NONE) {
            return;
        }
        double base = 62 + 40 * energy;
        boolean startAtOnce = energy >= 0.7;
        for (BarPlan bar : bars) {
            if (bar.intro() && !startAtOnce) {
                continue;
            }
            double s = bar.startBeat();
            double v = base * bar.dynamics();
            if (bar.finalBar()) {
                if (energy >= 0.45) {
                    hit(out, s, KICK, v + 10);
                    hit(out, s, energy >= 0.6 ? CRASH : SIDE_STICK, v);
                }
                continue;
            }
            int beats = (int) Math.floor(bar.lengthBeats() + 1e-9);
            boolean fill = bar.index() % 4 == 3 && energy >= 0.55 && pattern != Orchestration.DrumPattern.SOFT
                    && pattern != Orchestration.DrumPattern.SWING;
            if (bar.index() % 4 == 0 && energy >= 0.6 && !bar.intro()) {
                hit(out, s, CRASH, v - 4);
            }
            int grooveBeats = fill ? beats - 1 : beats;
            switch (pattern) {
                case SOFT -> {
                    for (int b = 0; b < grooveBeats; b++) {
                        hit(out, s + b, b % 2 == 0 ? KICK : SIDE_STICK, v - (b % 2 == 0 ? 10 : 16));
                        hit(out, s + b, CLOSED_HAT, v - 30);
                        hit(out, s + b + 0.5, CLOSED_HAT, v - 38);
                    }
                }
                case BACKBEAT -> {
                    for (int b = 0; b < grooveBeats; b++) {
                        hit(out, s + b, b % 2 == 0 ? KICK : SNARE, v - (b % 2 == 0 ? 0 : 6));
                        hit(out, s + b, CLOSED_HAT, v - 22);
                        hit(out, s + b + 0.5, CLOSED_HAT, v - 32);
                    }
                    if (grooveBeats >= 3) {
                        hit(out, s + 2.5, KICK, v - 16);
                    }
                }
                case DRIVING -> {
                    for (int b = 0; b < grooveBeats; b++) {
                        hit(out, s + b, b % 2 == 0 ? KICK : SNARE, v);
                        for (int q = 0; q < 4; q++) {
                            hit(out, s + b + q * 0.25, CLOSED_HAT, v - (q == 0 ? 20 : 34));
                        }
                    }
                    if (grooveBeats >= 4) {
                        hit(out, s + 1.5, KICK, v - 12);
                        hit(out, s + 2.5, KICK, v - 8);
                        hit(out, s + 3.5, OPEN_HAT, v - 24);
                    }
                }
                case FOUR_ON_THE_FLOOR -> {
                    for (int b = 0; b < grooveBeats; b++) {
                        hit(out, s + b, KICK, v + 4);
                        if (b % 2 == 1) {
                            hit(out, s + b, SNARE, v - 6);
                        }
                        hit(out, s + b + 0.5, OPEN_HAT, v - 26);
                        hit(out, s + b + 0.25, CLOSED_HAT, v - 36);
                        hit(out, s + b + 0.75, CLOSED_HAT, v - 36);
                    }
                }
                case TOMS -> {
                    double[] times = {0, 0.75, 1.5, 2, 3, 3.5};
                    int[] drums = {FLOOR_TOM, LOW_TOM, FLOOR_TOM, SNARE, MID_TOM, LOW_TOM};
                    for (int k = 0; k < times.length; k++) {
                        if (times[k] < grooveBeats) {
                            hit(out, s + times[k], drums[k], v - (k == 0 ? 0 : 10));
                        }
                    }
                    hit(out, s, KICK, v);
                }
                case SWING -> {
                    for (int b = 0; b < grooveBeats; b++) {
                        hit(out, s + b, CLOSED_HAT, v - 24);
                        if (b % 2 == 1) {
                            hit(out, s + b, PEDAL_HAT, v - 28);
                            hit(out, s + b + 0.5, CLOSED_HAT, v - 34);
                        }
                    }
                    hit(out, s, KICK, v - 26);
                }
                case NONE -> {
                    return;
                }
            }
            if (fill) {
                double f = s + beats - 1;
                int[] toms = {HIGH_TOM, HIGH_TOM, MID_TOM, MID_TOM, LOW_TOM, LOW_TOM, FLOOR_TOM, FLOOR_TOM};
                double step = bar.lengthBeats() >= 4 ? 0.125 : 0.25;
                for (int k = 0; k * step < 1 - 1e-9; k++) {
                    hit(out, f + k * step, step == 0.125 ? toms[k] : toms[2 * k], v - 14 + k * 2);
                }
            }
        }
    }

    static void writeTimpani(List<BarPlan> bars, int keyRoot, Orchestration o, double energy, HumanisedNotes out) {
        if (!o.timpani()) {
            return;
        }
        int ch = Orchestration.TIMPANI;
        for (BarPlan bar : bars) {
            int root = bar.chord().rootAtOrAbove(40, keyRoot);
            double v = (70 + 35 * energy) * bar.dynamics();
            out.add(ch, bar.startBeat(), Math.min(2, bar.lengthBeats()), root, v);
            if (!bar.finalBar() && energy >= 0.75 && bar.lengthBeats() >= 4) {
                out.add(ch, bar.startBeat() + 2, 1.5, bar.chord().nearestTone(root + 7, keyRoot) - 12 >= 38
                        ? bar.chord().nearestTone(root + 7, keyRoot) - 12 : root, v - 10);
            }
            boolean beforeEnd = !bar.finalBar() && bar.index() + 2 == bars.size();
            if (beforeEnd && bar.lengthBeats() >= 2) {
                for (int k = 0; k < 8; k++) { // roll into the closing chord
                    out.add(ch, bar.endBeat() - 1 + k * 0.125, 0.125, root, v - 24 + k * 3);
                }
            }
        }
    }

    private static void hit(HumanisedNotes out, double beat, int drum, double velocity) {
        out.add(Orchestration.DRUMS, beat, 0.25, drum, velocity);
    }
}
