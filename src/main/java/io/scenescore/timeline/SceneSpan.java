package io.scenescore.timeline;

/**
 * One scene on the timeline: its index (from 0), title (may be null), music source (replicate, composer, silence;
 * null when unknown) and where it starts and ends in the soundtrack, in seconds.
 */
public record SceneSpan(int index, String title, String source, double start, double end) {

    public double seconds() {
        return end - start;
    }
}
