package io.scenescore.replicate;

/**
 * One MusicGen prediction of a scene: {@code duration} whole seconds in total, and when it continues the
 * piece before, the window [{@code windowStart}, {@code windowEnd}) of that piece which the output starts with
 * (and which is cut off again so that nothing is heard twice).
 */
public record Generation(int duration, boolean continuation, int windowStart, int windowEnd) {

    public int windowSeconds() {
        return continuation ? windowEnd - windowStart : 0;
    }

    /** Seconds of new music this prediction adds. */
    public int freshSeconds() {
        return duration - windowSeconds();
    }
}
