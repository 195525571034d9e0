package io.scenescore.composer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chooses the chord of every bar: a four-chord progression that suits the feeling and mode (seeded choice among
 * a few), a second one for the middle of long scenes, a cadence in the bar before last and the tonic in the
 * last bar.
 */
final class ProgressionPlanner {

    private static final List<String> MAJOR_CALM = List.of("Iadd9 IV vi V", "I iii IV I", "I IV I V");
    private static final List<String> MAJOR_HAPPY = List.of("I V vi IV", "I IV V IV", "I vi IV V");
    private static final List<String> MAJOR_TRIUMPHANT = List.of("I IV V I", "I bVI bVII I", "I V IV V");
    private static final List<String> MAJOR_ROMANTIC = List.of("I vi ii V", "I iii vi IV", "I IV ii V");
    private static final List<String> MAJOR_DEFAULT = List.of("I V vi IV", "I IV vi V", "vi IV I V");
    private static final List<String> MINOR_TENSE = List.of("i bVI bVII i", "i iv V i", "i bII i V", "i i bVI V");
    private static final List<String> MINOR_SAD = List.of("i bVI bIII bVII", "i iv bVII bIII", "i v bVI iv");
    private static final List<String> MINOR_MYSTERIOUS = List.of("i bVI iv V", "isus2 bII bVI V", "i bVII bVI V");
    private static final List<String> MINOR_DEFAULT = List.of("i bVI bIII bVII", "i iv v i", "i bVII bVI bVII");
    private static final List<String> JAZZ_MAJOR = List.of("Imaj7 vi7 ii7 V7", "ii7 V7 Imaj7 vi7", "Imaj7 IV7 iii7 vi7");
    private static final List<String> JAZZ_MINOR = List.of("i7 iv7 bVII7 bIIImaj7", "i7 bVImaj7 iim7b5 V7", "iim7b5 V7 i7 i7");

    /** The chord of each of {@code bars} bars. */
    List<Chord> chordsPerBar(MoodProfile mood, boolean minor, int bars, Random random) {
        List<String> table = table(mood, minor);
        int first = random.nextInt(table.size());
        int second = (first + 1 + random.nextInt(table.size() - 1)) % table.size();
        List<Chord> a = parse(table.get(first));
        List<Chord> b = parse(table.get(second));
        Chord tonic = Chord.parse(tonicSymbol(mood, minor));
        Chord cadence = Chord.parse(cadenceSymbol(mood, minor));

        List<Chord> chords = new ArrayList<>();
        for (int bar = 0; bar < bars; bar++) {
            List<Chord> progression = bars >= 12 && (bar / 8) % 2 == 1 ? b : a;
            chords.add(progression.get(bar % progression.size()));
        }
        if (bars == 2) {
            chords.set(0, a.get(1));
        }
        if (bars >= 3) {
            chords.set(bars - 2, cadence);
        }
        chords.set(bars - 1, tonic);
        return chords;
    }

    private static List<String> table(MoodProfile mood, boolean minor) {
        if (mood.style() == MusicStyle.JAZZ) {
            return minor ? JAZZ_MINOR : JAZZ_MAJOR;
        }
        if (minor) {
            return switch (mood.feeling()) {
                case TENSE -> MINOR_TENSE;
                case SAD -> MINOR_SAD;
                case MYSTERIOUS -> MINOR_MYSTERIOUS;
                default -> MINOR_DEFAULT;
            };
        }
        return switch (mood.feeling()) {
            case CALM -> MAJOR_CALM;
            case HAPPY -> MAJOR_HAPPY;
            case TRIUMPHANT -> MAJOR_TRIUMPHANT;
            case ROMANTIC -> MAJOR_ROMANTIC;
            default -> MAJOR_DEFAULT;
        };
    }

    private static String tonicSymbol(MoodProfile mood, boolean minor) {
        if (mood.style() == MusicStyle.JAZZ) {
            return minor ? "i7" : "Imaj7";
        }
        if (mood.style() == MusicStyle.AMBIENT || mood.feeling() == Feeling.CALM) {
            return minor ? "iadd9" : "Iadd9";
        }
        return minor ? "i" : "I";
    }

    private static String cadenceSymbol(MoodProfile mood, boolean minor) {
        if (mood.style() == MusicStyle.JAZZ) {
            return "V7";
        }
        if (minor) {
            return mood.feeling() == Feeling.SAD ? "iv" : "V";
        }
        return mood.feeling() == Feeling.CALM ? "IV" : "V";
    }

    private static List<Chord> parse(String progression) {
        List<Chord> chords = new ArrayList<>();
        for (String symbol : progression.split(" ")) {
            chords.add(Chord.parse(symbol));
        }
        return chords;
    }
}
