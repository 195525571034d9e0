package io.scenescore.composer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a scene's words and turns them into a {@link MoodProfile}: mode, energy, feeling, style and tempo.
 *
 * <p>Each word is matched against a small lexicon of cues (a word, or a stem of at least four letters that
 * also matches longer forms: "triumph" matches "triumphant"; the longest matching stem wins, so "rainbow" is
 * not "rain"). A cue leans the mode towards major (+) or minor (-), pushes the energy up or down, and votes for
 * a feeling. Fields weigh differently: the music description counts most, the title least. {@code musicEnergy}
 * ("low", "medium", "high", "very high", or a number 0..1 or 1..10) sets the base energy; other words move it
 * by at most 0.2 around an explicit level, by at most 0.4 around the default 0.45.
 *
 * <p>Tempo is {@code 60 + 95 * energy} beats per minute plus a small offset per feeling (calm and sad slower,
 * tense and happy faster), rounded and kept between 54 and 172. Same words in, same profile out.
 */
public final class MoodMapper {

    static final double DEFAULT_ENERGY = 0.45;

    private record Cue(String stem, Feeling feeling, double feelingWeight, double modeLean, double energyLean) {}

    private static final List<Cue> LEXICON = buildLexicon();

    /** Reads the mood of one scene. */
    public MoodProfile map(ComposerScene scene) {
        return map(scene.title(), scene.description(), scene.musicDescription(), scene.musicStyle(),
                scene.musicEnergy(), scene.prompt());
    }

    /** Reads the mood from plain field values; any of them may be null. */
    public MoodProfile map(String title, String description, String musicDescription, String musicStyle,
                           String musicEnergy, String prompt) {
        String[] texts = {musicDescription, musicStyle, prompt, description, musicEnergy, title};
        double[] weights = {1.2, 1.0, 1.0, 1.0, 1.0, 0.6};

        Map<Feeling, Double> feelingScores = new EnumMap<>(Feeling.class);
        double modeLean = 0;
        double energyLean = 0;
        for (int f = 0; f < texts.length; f++) {
            for (String word : words(texts[f])) {
                Cue cue = cueFor(word);
                if (cue == null) {
                    continue;
                }
                modeLean += cue.modeLean() * weights[f];
                energyLean += cue.energyLean() * weights[f];
                if (cue.feeling() != null) {
                    feelingScores.merge(cue.feeling(), cue.feelingWeight() * weights[f], Double::sum);
                }
            }
        }

        Feeling feeling = Feeling.NEUTRAL;
        double best = 0;
        for (Feeling candidate : Feeling.values()) {
            double score = feelingScores.getOrDefault(candidate, 0.0);
            if (score > best + 1e-9) {
                best = score;
                feeling = candidate;
            }
        }

        boolean minor = Math.abs(modeLean) < 1e-9 ? feeling.leansMinor() : modeLean < 0;

        Double explicitEnergy = parseEnergy(musicEnergy);
        double reach = explicitEnergy != null ? 0.2 : 0.4;
        double energy = (explicitEnergy != null ? explicitEnergy : DEFAULT_ENERGY)
                + Math.max(-reach, Math.min(reach, energyLean));
        energy = Math.max(0.05, Math.min(1.0, energy));
        energy = Math.round(energy * 1000) / 1000.0;

        MusicStyle style = styleOf(musicStyle, musicDescription, prompt);
        if (style == null) {
            style = styleOfSceneText(description, title);
        }
        return new MoodProfile(minor, energy, feeling, style == null ? MusicStyle.CINEMATIC : style,
                tempoFor(energy, feeling));
    }

    /** The tempo a mood asks for: faster with energy, nudged by feeling, whole beats per minute. */
    static double tempoFor(double energy, Feeling feeling) {
        double offset = switch (feeling) {
            case CALM -> -6;
            case SAD -> -8;
            case ROMANTIC, MYSTERIOUS -> -4;
            case TENSE -> 6;
            case HAPPY -> 4;
            case TRIUMPHANT, NEUTRAL -> 0;
        };
        double tempo = Math.round(60 + 95 * energy + offset);
        return Math.max(54, Math.min(172, tempo));
    }

    /**
     * The base energy named by a music_energy field: "low" 0.2, "medium" 0.5, "high" 0.85, "very low" 0.1,
     * "very high" 0.95, or a number (0..1 as is, above 1 up to 10 divided by 10). Null when it names none.
     */
    static Double parseEnergy(String musicEnergy) {
        if (musicEnergy == null || musicEnergy.isBlank()) {
            return null;
        }
        String text = musicEnergy.trim().toLowerCase(Locale.ROOT);
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return value;
            }
            if (value > 1 && value <= 10) {
                return value / 10;
            }
            return null;
        } catch (NumberFormatException notANumber) {
            // words below
        }
        boolean very = text.contains("very") || text.contains("extreme") || text.contains("super");
        if (text.contains("high") || text.contains("intense") || text.contains("max")) {
            return very || text.contains("max") ? 0.95 : 0.85;
        }
        if (text.contains("low") || text.contains("minimal")) {
            return very ? 0.1 : 0.2;
        }
        if (text.contains("medium") || text.contains("mid") || text.contains("moderate") || text.contains("normal")) {
            return 0.5;
        }
        return null;
    }

    /** Words that name a style in a music field but usually mean something else in a scene's description. */
    private static final List<String> AMBIGUOUS_IN_SCENE_TEXT = List.of("house", "keys", "country", "swing",
            "blues", "score", "drone", "film", "movie", "rock", "metal", "trailer", "strings", "epic", "noir");

    /** The first style named, looking at the fields in the order given; null when none names one. */
    static MusicStyle styleOf(String... texts) {
        for (String text : texts) {
            List<String> words = words(text);
            for (MusicStyle style : MusicStyle.values()) {
                for (String word : words) {
                    if (style.isNamedBy(word)) {
                        return style;
                    }
                }
            }
        }
        return null;
    }

    /** A style named in the scene's own description or title, skipping words that usually mean other things. */
    private static MusicStyle styleOfSceneText(String description, String title) {
        for (String text : new String[] {description, title}) {
            List<String> words = words(text);
            words.removeAll(AMBIGUOUS_IN_SCENE_TEXT);
            MusicStyle style = styleOf(String.join(" ", words));
            if (style != null) {
                return style;
            }
        }
        return null;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static Cue cueFor(String word) {
        Cue best = null;
        for (Cue cue : LEXICON) {
            boolean matches = word.equals(cue.stem()) || (cue.stem().length() >= 4 && word.startsWith(cue.stem()));
            if (matches && (best == null || cue.stem().length() > best.stem().length())) {
                best = cue;
            }
        }
        return best;
    }

    private static List<Cue> buildLexicon() {
        List<Cue> cues = new ArrayList<>();
        // tense: minor, more energy
        feel(cues, Feeling.TENSE, 1.0, -1.0, 0.10, "tense", "tension", "suspense", "danger", "threat", "menac",
                "dread", "fear", "scary", "horror", "terror", "panic", "anxious", "anxiety", "nervous", "ominous",
                "sinister", "villain", "urgent", "hunt", "trap");
        feel(cues, Feeling.TENSE, 1.0, -0.5, 0.20, "chas", "pursuit", "pursu", "escap", "fight", "battle", "attack",
                "war", "combat", "storm", "stalk", "flee", "fleeing", "sprint");
        // sad: minor, less energy
        feel(cues, Feeling.SAD, 1.0, -1.0, -0.10, "sad", "sadness", "sorrow", "grief", "griev", "mourn", "funeral",
                "tear", "tears", "cry", "crying", "weep", "melanchol", "lonely", "loneliness", "alone", "loss",
                "tragic", "tragedy", "heartbreak", "regret", "gloom", "somber", "sombre", "despair", "depress",
                "lament", "wistful");
        feel(cues, Feeling.SAD, 0.8, -0.6, -0.05, "goodbye", "farewell", "rain", "rainy", "grey", "gray", "empty",
                "memory", "memories", "nostalg", "bittersweet", "winter", "autumn", "leaving", "parting");
        // mysterious: minor
        feel(cues, Feeling.MYSTERIOUS, 1.0, -0.8, -0.05, "myster", "eerie", "haunt", "strange", "secret", "enigma",
                "uncanny", "cryptic", "unknown", "shadow", "fog", "foggy", "mist", "misty", "ghost", "spooky",
                "suspicious", "curious", "investigat", "detective", "clue");
        feel(cues, Feeling.MYSTERIOUS, 0.6, -1.0, 0.0, "dark", "night", "midnight", "cold", "ruin", "cave",
                "abandon");
        feel(cues, Feeling.MYSTERIOUS, 0.7, 0.0, -0.05, "magic", "magical", "wonder", "space", "cosmic", "dream",
                "dreamy", "floating", "underwater", "otherworld");
        // triumphant: major, more energy
        feel(cues, Feeling.TRIUMPHANT, 1.0, 1.0, 0.15, "triumph", "victor", "victory", "hero", "heroic", "glory",
                "glorious", "champion", "win", "winning", "conquer", "anthem", "majestic", "celebrat", "finale",
                "success", "proud", "pride");
        feel(cues, Feeling.TRIUMPHANT, 0.6, 0.0, 0.20, "epic", "grand", "mighty", "rising", "soar", "climax");
        // happy: major
        feel(cues, Feeling.HAPPY, 1.0, 1.0, 0.05, "happy", "happiness", "joy", "cheer", "bright", "sunny", "sunshine",
                "fun", "playful", "smile", "laugh", "hope", "uplift", "delight", "festive", "summer", "spring",
                "rainbow", "friend", "carefree", "whimsical", "cute", "lively", "optimis", "sunrise", "dawn",
                "morning", "golden");
        feel(cues, Feeling.HAPPY, 1.0, 1.0, 0.20, "party", "dance", "dancing", "excit", "celebration", "upbeat");
        // romantic: major, a little calmer
        feel(cues, Feeling.ROMANTIC, 1.0, 0.7, -0.05, "love", "romant", "tender", "kiss", "wedding", "heart",
                "intimate", "passion", "embrace", "longing", "sweet");
        // calm: slightly major, much less energy
        feel(cues, Feeling.CALM, 1.0, 0.3, -0.15, "calm", "peace", "serene", "tranquil", "quiet", "gentle", "soft",
                "relax", "meditat", "sleep", "lullaby", "breeze", "harbour", "harbor", "lake", "meadow",
                "pastoral", "nature", "warm", "cozy", "cosy", "slow", "reflect", "contemplat", "drift");
        // energy only
        plain(cues, 0.0, 0.25, "action", "intense", "energetic", "explosi", "frantic", "adrenaline", "rush");
        plain(cues, 0.0, 0.20, "fast", "race", "racing", "run", "running", "speed", "driving", "powerful", "power",
                "chaos", "chaotic");
        plain(cues, 0.0, -0.15, "sparse", "minimal", "ambient", "hushed", "distant", "fading");
        return List.copyOf(cues);
    }

    private static void feel(List<Cue> cues, Feeling feeling, double weight, double mode, double energy,
                             String... stems) {
        for (String stem : stems) {
            cues.add(new Cue(stem, feeling, weight, mode, energy));
        }
    }

    private static void plain(List<Cue> cues, double mode, double energy, String... stems) {
        for (String stem : stems) {
            cues.add(new Cue(stem, null, 0, mode, energy));
        }
    }
}
