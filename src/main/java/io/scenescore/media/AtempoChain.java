package io.scenescore.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tempo change of any ratio as a chain of atempo filters. One atempo sounds best between 0.5 and 2, so a
 * larger change is split into equal steps inside that range: 0.25 to 4 takes two.
 */
public final class AtempoChain {

    /** The slowest and fastest a soundtrack is stretched to fit a video. */
    public static final double MIN_RATIO = 0.25;
    public static final double MAX_RATIO = 4.0;

    private AtempoChain() {
    }

    /**
     * Filters playing audio {@code ratio} times as fast (2: twice as fast, half as long); empty for no change.
     */
    public static List<String> of(double ratio) {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("a tempo ratio must be a positive number, got " + ratio);
        }
        if (Math.abs(ratio - 1) < 1e-9) {
            return List.of();
        }
        int steps = Math.max(1, (int) Math.ceil(Math.abs(Math.log(ratio) / Math.log(2)) - 1e-9));
        double step = Math.pow(ratio, 1.0 / steps);
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            filters.add(String.format(Locale.ROOT, "atempo=%.9f", step));
        }
        return filters;
    }

    public static boolean inRange(double ratio) {
        return ratio >= MIN_RATIO && ratio <= MAX_RATIO;
    }
}
