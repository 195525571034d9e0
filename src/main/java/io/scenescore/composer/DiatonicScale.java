package io.scenescore.composer;

/**
 * A major or natural minor scale on a tonic, mapping scale degrees (0 = tonic, 7 = octave, negative below)
 * to MIDI pitches.
 */
record DiatonicScale(int keyRoot, boolean minor) {

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};

    /** Semitones from the tonic up to a scale degree (negative degrees give negative semitones). */
    int semitones(int degree) {
        int[] steps = minor ? MINOR : MAJOR;
        return Math.floorDiv(degree, 7) * 12 + steps[Math.floorMod(degree, 7)];
    }

    /** The MIDI pitch of a degree counted from a tonic pitch. */
    int pitch(int degree, int tonicPitch) {
        return tonicPitch + semitones(degree);
    }

    /** Whether a MIDI pitch belongs to the scale. */
    boolean contains(int pitch) {
        int offset = Math.floorMod(pitch - keyRoot, 12);
        for (int step : minor ? MINOR : MAJOR) {
            if (step == offset) {
                return true;
            }
        }
        return false;
    }

    /** The pitch with this scale's tonic pitch class nearest to a target pitch. */
    int tonicNear(int target) {
        int base = target - Math.floorMod(target - keyRoot, 12);
        return target - base <= 6 ? base : base + 12;
    }
}
