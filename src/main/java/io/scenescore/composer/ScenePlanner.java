package io.scenescore.composer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Decides key, mode, tempo and motif for a scene, continuing from the previous scene the way MusicGen's
 * continuation does: the music goes on rather than starting over.
 *
 * <ul>
 *   <li>First scene: a key drawn (seeded) from keys that suit the mode, the mood's tempo, a new motif.</li>
 *   <li>Same mood (same mode, and the mood's tempo within {@value #SAME_MOOD_TEMPO_TOLERANCE} of the previous
 *       tempo, relative): key, tempo and motif are kept exactly.</li>
 *   <li>Mood changed: the key moves to a closely related one (the relative minor or major when the mode changes;
 *       the dominant when the energy rises, the subdominant when it falls); the tempo steps towards the mood's
 *       tempo by at most a factor of {@value #MAX_TEMPO_STEP} and the scene ramps into it from the previous
 *       tempo; the motif comes back varied (inverted, reversed, moved up a step, or with a new ending).</li>
 * </ul>
 */
final class ScenePlanner {

    /** Relative tempo difference under which two moods count as the same. */
    static final double SAME_MOOD_TEMPO_TOLERANCE = 0.12;
    /** Largest tempo ratio between two consecutive scenes. */
    static final double MAX_TEMPO_STEP = 1.5;
    static final double MIN_TEMPO = 40;
    static final double MAX_TEMPO = 220;

    private static final int[] MAJOR_KEYS = {0, 7, 2, 5, 9, 10, 3, 4};
    private static final int[] MINOR_KEYS = {9, 2, 4, 0, 7, 11, 5, 1};

    ScenePlan plan(MoodProfile mood, MusicalContext previous, Random random) {
        if (previous == null) {
            int[] keys = mood.minor() ? MINOR_KEYS : MAJOR_KEYS;
            int key = keys[random.nextInt(keys.length)];
            List<Integer> motif = newMotif(mood, random);
            return new ScenePlan(key, mood.minor(), mood.tempoBpm(), mood.tempoBpm(), motif,
                    ScenePlan.Continuation.FIRST);
        }

        double previousTempo = Math.max(MIN_TEMPO, Math.min(MAX_TEMPO, previous.tempoBpm()));
        double wanted = mood.tempoBpm();
        boolean sameMode = previous.minor() == mood.minor();
        boolean sameTempo = Math.abs(wanted - previousTempo) <= SAME_MOOD_TEMPO_TOLERANCE * previousTempo;
        List<Integer> carried = previous.motif().isEmpty() ? newMotif(mood, random) : previous.motif();

        if (sameMode && sameTempo) {
            return new ScenePlan(previous.keyRoot(), previous.minor(), previousTempo, previousTempo, carried,
                    ScenePlan.Continuation.SAME_MOOD);
        }

        int key;
        if (!sameMode) {
            key = Math.floorMod(previous.keyRoot() + (mood.minor() ? -3 : 3), 12);
        } else {
            key = Math.floorMod(previous.keyRoot() + (wanted > previousTempo ? 7 : 5), 12);
        }
        double tempo = Math.max(previousTempo / MAX_TEMPO_STEP, Math.min(previousTempo * MAX_TEMPO_STEP, wanted));
        tempo = Math.round(tempo * 10) / 10.0;
        List<Integer> motif = previous.motif().isEmpty() ? carried : vary(carried, mood, random);
        return new ScenePlan(key, mood.minor(), previousTempo, tempo, motif, ScenePlan.Continuation.MODULATED);
    }

    /** A new motif of 4 to 6 scale degrees whose contour follows the feeling. */
    static List<Integer> newMotif(MoodProfile mood, Random random) {
        int length = 4 + random.nextInt(3);
        int[] starts = switch (mood.feeling()) {
            case TRIUMPHANT -> new int[] {0, 4, 0};
            case SAD -> new int[] {4, 2, 7};
            case TENSE -> new int[] {0, 0, 4};
            case MYSTERIOUS -> new int[] {0, 4, -3};
            default -> new int[] {0, 2, 4};
        };
        int[] steps = switch (mood.feeling()) {
            case TRIUMPHANT -> new int[] {1, 2, 3, 4, -1, 1, 2, -2};
            case SAD -> new int[] {-1, -1, -2, 1, -1, 2, -3, 0};
            case TENSE -> new int[] {1, -1, 0, 1, -1, 2, -2, 0};
            case MYSTERIOUS -> new int[] {3, -2, 4, -1, 1, -3, 2, -4};
            case HAPPY -> new int[] {1, 2, -1, 2, 3, -2, 1, -1};
            default -> new int[] {1, -1, 2, -2, 1, 3, -1, 0};
        };
        List<Integer> motif = new ArrayList<>();
        int degree = starts[random.nextInt(starts.length)];
        motif.add(degree);
        for (int i = 1; i < length; i++) {
            int next = degree + steps[random.nextInt(steps.length)];
            if (next > 9 || next < -3) {
                next = degree - Integer.signum(next - degree);
            }
            degree = next;
            motif.add(degree);
        }
        return List.copyOf(motif);
    }

    /** The carried motif varied so that it is recognisably the same idea in the new mood. */
    static List<Integer> vary(List<Integer> motif, MoodProfile mood, Random random) {
        List<Integer> varied = new ArrayList<>(motif);
        int first = motif.get(0);
        int choice = random.nextInt(4);
        if (mood.feeling() == Feeling.TRIUMPHANT || mood.feeling() == Feeling.HAPPY) {
            choice = random.nextBoolean() ? 2 : 3;
        } else if (mood.feeling() == Feeling.SAD) {
            choice = random.nextBoolean() ? 0 : 1;
        }
        switch (choice) {
            case 0 -> { // inversion around the first note
                for (int i = 0; i < varied.size(); i++) {
                    varied.set(i, first - (motif.get(i) - first));
                }
            }
            case 1 -> Collections.reverse(varied);
            case 2 -> { // sequence: the whole motif a step higher
                for (int i = 0; i < varied.size(); i++) {
                    varied.set(i, motif.get(i) + 1);
                }
            }
            default -> { // new ending: last note goes to the fifth or the octave
                int last = varied.size() - 1;
                varied.set(last, varied.get(last) < 4 ? 4 : 7);
            }
        }
        // keep it in a singable range
        int max = Collections.max(varied);
        int min = Collections.min(varied);
        int shift = max > 9 ? -7 : (min < -4 ? 7 : 0);
        if (shift != 0) {
            varied.replaceAll(d -> d + shift);
        }
        return List.copyOf(varied);
    }
}
