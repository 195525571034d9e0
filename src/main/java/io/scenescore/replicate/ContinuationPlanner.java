package io.scenescore.replicate;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the predictions that make one scene: MusicGen takes integer durations that include the window it
 * continues from, and makes at most {@code maxSeconds} per prediction, so a scene is one prediction or a chain
 * of them, each continuing the last (and the first continuing the previous scene, when there is one).
 */
public final class ContinuationPlanner {

    private final int windowSeconds;
    private final int maxSeconds;

    public ContinuationPlanner(int windowSeconds, int maxSeconds) {
        if (windowSeconds < 0 || windowSeconds >= maxSeconds) {
            throw new IllegalArgumentException("the continuation window must be 0 to " + (maxSeconds - 1) + " s, got " + windowSeconds);
        }
        this.windowSeconds = windowSeconds;
        this.maxSeconds = maxSeconds;
    }

    /**
     * @param sceneSeconds    the scene's exact length
     * @param previousSeconds length in whole seconds of the raw piece to continue, or null for a fresh start
     */
    public List<Generation> plan(double sceneSeconds, Integer previousSeconds) {
        List<Generation> chain = new ArrayList<>();
        // generated seconds are whole; what is left over is trimmed off the end of the scene
        int remaining = (int) Math.ceil(sceneSeconds - 1e-9);
        Integer previous = previousSeconds;
        while (remaining > 0) {
            int window = previous == null ? 0 : Math.min(windowSeconds, previous);
            int fresh = Math.min(maxSeconds - window, remaining);
            Generation g = window > 0
                    ? new Generation(window + fresh, true, previous - window, previous)
                    : new Generation(fresh, false, 0, 0);
            chain.add(g);
            remaining -= fresh;
            previous = g.duration();
        }
        return chain;
    }
}
