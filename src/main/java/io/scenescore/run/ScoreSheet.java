package io.scenescore.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pieces of a run so far, in scene order. One sheet travels with a run's exchange; the split's
 * aggregation strategy writes each finished piece into it, and the next scene reads the previous piece
 * from it to continue the music.
 */
public final class ScoreSheet {

    private final List<SceneSegment> segments = new ArrayList<>();

    public synchronized void add(SceneSegment segment) {
        segments.removeIf(s -> s.index() == segment.index());
        segments.add(segment);
        segments.sort((a, b) -> Integer.compare(a.index(), b.index()));
    }

    /** The piece the next scene continues, if any. */
    public synchronized Optional<SceneSegment> previous() {
        return segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(segments.size() - 1));
    }

    /**
     * The piece scene {@code index} continues: the one of the scene just before it, when the sheet has it. A run
     * that regenerates a scene has the later scenes' pieces in the sheet too, so "the last one" would be wrong there.
     */
    public synchronized Optional<SceneSegment> previousOf(int index) {
        return segments.stream().filter(s -> s.index() == index - 1).findFirst();
    }

    /** The continuation URL of the previous piece, or null. */
    public synchronized String previousUrl() {
        return previous().map(SceneSegment::continuationUrl).orElse(null);
    }

    public synchronized boolean has(int index) {
        return segments.stream().anyMatch(s -> s.index() == index);
    }

    public synchronized List<SceneSegment> segments() {
        return List.copyOf(segments);
    }

    public synchronized List<Path> files() {
        return segments.stream().map(SceneSegment::file).toList();
    }

    public synchronized List<Double> durations() {
        return segments.stream().map(SceneSegment::durationSeconds).toList();
    }
}
