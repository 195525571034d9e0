package io.scenescore.composer;

/**
 * What the words of a scene say about its music, as plain values.
 *
 * @param minor    minor (true) or major (false)
 * @param energy   0 (still) to 1 (frantic): drives tempo, note density, drums and register
 * @param feeling  the dominant feeling: progression, melody contour, colour instruments
 * @param style    the instrumentation family
 * @param tempoBpm the tempo this mood asks for, in beats per minute (whole numbers)
 */
public record MoodProfile(boolean minor, double energy, Feeling feeling, MusicStyle style, double tempoBpm) {

    public MoodProfile {
        if (!(energy >= 0 && energy <= 1)) {
            throw new IllegalArgumentException("energy must be between 0 and 1, got " + energy);
        }
        if (!(tempoBpm > 0) || Double.isInfinite(tempoBpm)) {
            throw new IllegalArgumentException("tempoBpm must be positive, got " + tempoBpm);
        }
        if (feeling == null || style == null) {
            throw new IllegalArgumentException("feeling and style are required");
        }
    }
}
