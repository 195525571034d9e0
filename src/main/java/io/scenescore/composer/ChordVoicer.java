package io.scenescore.composer;

import java.util.ArrayList;
import java.util.List;

/** Spreads a chord's tones over a register, choosing the inversion closest to the previous voicing. */
final class ChordVoicer {

    private ChordVoicer() {
    }

    /**
     * Voices a chord with every tone once, the lowest tone between {@code low} and {@code low + 11}, nothing
     * above {@code high}, choosing among the inversions the one that moves least from {@code previous} (or sits
     * nearest the middle of the register when there is none).
     */
    static List<Integer> voice(Chord chord, int keyRoot, List<Integer> previous, int low, int high) {
        List<Integer> classes = chord.pitchClasses(keyRoot);
        List<Integer> best = null;
        double bestCost = Double.MAX_VALUE;
        for (int rotation = 0; rotation < classes.size(); rotation++) {
            for (int bottom = low; bottom < low + 12; bottom++) {
                if (Math.floorMod(bottom, 12) != classes.get(rotation)) {
                    continue;
                }
                List<Integer> voicing = new ArrayList<>();
                int pitch = bottom;
                voicing.add(pitch);
                for (int i = 1; i < classes.size(); i++) {
                    int pc = classes.get((rotation + i) % classes.size());
                    pitch = pitch + 1 + Math.floorMod(pc - pitch - 1, 12);
                    voicing.add(pitch);
                }
                if (voicing.get(voicing.size() - 1) > high) {
                    continue;
                }
                double cost = cost(voicing, previous, (low + high) / 2.0);
                if (cost < bestCost - 1e-9) {
                    bestCost = cost;
                    best = voicing;
                }
            }
        }
        if (best == null) { // register too narrow: close position from the root
            best = new ArrayList<>();
            int pitch = chord.rootAtOrAbove(low, keyRoot);
            for (int pc : classes) {
                pitch = best.isEmpty() ? pitch : pitch + 1 + Math.floorMod(pc - pitch - 1, 12);
                best.add(pitch);
            }
        }
        return List.copyOf(best);
    }

    private static double cost(List<Integer> voicing, List<Integer> previous, double centre) {
        if (previous == null || previous.isEmpty()) {
            double mean = voicing.stream().mapToInt(Integer::intValue).average().orElse(centre);
            return Math.abs(mean - centre);
        }
        double cost = 0;
        for (int pitch : voicing) {
            int nearest = Integer.MAX_VALUE;
            for (int old : previous) {
                nearest = Math.min(nearest, Math.abs(pitch - old));
            }
            cost += nearest;
        }
        for (int old : previous) {
            int nearest = Integer.MAX_VALUE;
            for (int pitch : voicing) {
                nearest = Math.min(nearest, Math.abs(pitch - old));
            }
            cost += nearest;
        }
        return cost;
    }
}
