package io.scenescore.composer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chord relative to the key: its root in semitones above the tonic and its intervals above that root.
 * Written as Roman numerals measured against the major scale: upper case is major, lower case minor, a
 * leading "b" or "#" lowers or raises the root ("bVI" in C is A flat major), and a suffix adds colour:
 * 7, maj7, m7b5, dim, sus2, sus4, add9.
 *
 * @param root      semitones from the tonic to the chord root, 0..11
 * @param intervals semitones from the chord root to each chord tone, the first being 0
 * @param symbol    the Roman numeral it was written as
 */
record Chord(int root, List<Integer> intervals, String symbol) {

    private static final Pattern ROMAN = Pattern.compile("([b#]?)(VII|VI|IV|V|III|II|I|vii|vi|iv|v|iii|ii|i)(.*)");
    private static final String[] NUMERALS = {"I", "II", "III", "IV", "V", "VI", "VII"};
    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};

    Chord {
        intervals = List.copyOf(intervals);
    }

    static Chord parse(String symbol) {
        Matcher m = ROMAN.matcher(symbol.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Roman numeral chord: " + symbol);
        }
        String numeral = m.group(2);
        boolean major = Character.isUpperCase(numeral.charAt(0));
        int index = List.of(NUMERALS).indexOf(numeral.toUpperCase());
        int shift = switch (m.group(1)) {
            case "b" -> -1;
            case "#" -> 1;
            default -> 0;
        };
        int root = Math.floorMod(MAJOR_SCALE[index] + shift, 12);
        int third = major ? 4 : 3;
        List<Integer> intervals = switch (m.group(3)) {
            case "" -> List.of(0, third, 7);
            case "7" -> List.of(0, third, 7, 10);
            case "maj7" -> List.of(0, 4, 7, 11);
            case "m7b5" -> List.of(0, 3, 6, 10);
            case "dim" -> List.of(0, 3, 6);
            case "sus2" -> List.of(0, 2, 7);
            case "sus4" -> List.of(0, 5, 7);
            case "add9" -> List.of(0, third, 7, 14);
            default -> throw new IllegalArgumentException("unknown chord suffix in " + symbol);
        };
        return new Chord(root, intervals, symbol.trim());
    }

    /** The chord's pitch classes (0..11) in a key, root first. */
    List<Integer> pitchClasses(int keyRoot) {
        List<Integer> classes = new ArrayList<>();
        for (int interval : intervals) {
            int pc = Math.floorMod(keyRoot + root + interval, 12);
            if (!classes.contains(pc)) {
                classes.add(pc);
            }
        }
        return classes;
    }

    /** Pitch class of the chord root in a key. */
    int rootPitchClass(int keyRoot) {
        return Math.floorMod(keyRoot + root, 12);
    }

    /** Whether a MIDI pitch is a chord tone in a key. */
    boolean contains(int pitch, int keyRoot) {
        return pitchClasses(keyRoot).contains(Math.floorMod(pitch, 12));
    }

    /** The chord tone pitch nearest to a pitch; ties go upward. */
    int nearestTone(int pitch, int keyRoot) {
        for (int distance = 0; distance < 12; distance++) {
            if (contains(pitch + distance, keyRoot)) {
                return pitch + distance;
            }
            if (contains(pitch - distance, keyRoot)) {
                return pitch - distance;
            }
        }
        return pitch;
    }

    /** The lowest pitch with the chord root's pitch class at or above a floor. */
    int rootAtOrAbove(int floor, int keyRoot) {
        return floor + Math.floorMod(rootPitchClass(keyRoot) - floor, 12);
    }
}
