package io.scenescore.storyboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The words a scene's measured features give its music: a {@code music_energy} level and mood words (dark or bright,
 * cold or warm, calm or driving). They are words the music sources already read: the composer's mood lexicon takes
 * "dark" and "cold" towards minor and mystery, "bright" towards major and happiness, "calm" and "warm" to a slower,
 * quieter feeling, "driving" to more energy; its energy levels are those of music_energy ("very low" 0.1 to
 * "very high" 0.95). MusicGen reads the same words in its prompt.
 */
public final class MoodWords {

    static final double DARK_BELOW = 0.3;
    static final double BRIGHT_ABOVE = 0.55;
    static final double CALM_BELOW = 0.15;
    static final double DRIVING_ABOVE = 0.5;
    static final double COLD_BELOW = -0.15;
    static final double WARM_ABOVE = 0.15;

    private MoodWords() {
    }

    /** The music_energy word for an energy of 0 to 1. */
    public static String energy(double energy) {
        if (energy < 0.15) {
            return "very low";
        }
        if (energy < 0.35) {
            return "low";
        }
        if (energy < 0.6) {
            return "medium";
        }
        return energy < 0.8 ? "high" : "very high";
    }

    /** The mood words of a scene, in the order light, colour, movement; empty when nothing stands out. */
    public static List<String> mood(SceneFeatures features) {
        List<String> words = new ArrayList<>();
        if (features.brightness() < DARK_BELOW) {
            words.add("dark");
        } else if (features.brightness() > BRIGHT_ABOVE) {
            words.add("bright");
        }
        if (features.warmth() < COLD_BELOW) {
            words.add("cold");
        } else if (features.warmth() > WARM_ABOVE) {
            words.add("warm");
        }
        if (features.motion() < CALM_BELOW) {
            words.add("calm");
        } else if (features.motion() > DRIVING_ABOVE) {
            words.add("driving");
        }
        return words;
    }
}
