package io.scenescore.composer;

/**
 * The dominant feeling read from a scene's words. It picks the chord progression, the melody's contour and
 * the colour instruments. Declaration order breaks ties between equally strong feelings.
 */
public enum Feeling {
    TENSE(true),
    SAD(true),
    MYSTERIOUS(true),
    TRIUMPHANT(false),
    HAPPY(false),
    ROMANTIC(false),
    CALM(false),
    NEUTRAL(false);

    private final boolean leansMinor;

    Feeling(boolean leansMinor) {
        this.leansMinor = leansMinor;
    }

    /** Whether this feeling sounds minor when the words do not settle the mode. */
    public boolean leansMinor() {
        return leansMinor;
    }
}
