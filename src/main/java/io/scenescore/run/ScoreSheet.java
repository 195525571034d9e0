package io.scenescore.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pieces of a run so far, in scene order. One sheet travels with a run's exchange; the split's
 * aggregation strategy writes each finished piece into it, and the next scene reads the previous piece
 * from it to continue the music. A piece is in the sheet as soon as its music is made (the next scene
 * continues it at once); cutting and storing it go on beside the next scene's generation, and the sheet keeps
 * which of those are still under way and how each ended.
 */
public final class ScoreSheet {

    private final List<SceneSegment> segments = new ArrayList<>();
    /** Scenes being stored beside the generation: index to null while under way, else how it ended. */
    private final Map<Integer, Ending> storing = new TreeMap<>();
    private int storeChecks;

    private record Ending(Throwable failure) {
    }

    public synchronized void add(SceneSegment segment) {
        segments.removeIf(s -> s.index() == segment.index());
        segments.add(segment);
        segments.sort((a, b) -> Integer.compare(a.index(), b.index()));
    }

    /** The piece scene {@code index} continues (the scene before it), if the sheet has it. */
    public synchronized Optional<SceneSegment> previous(int index) {
        return segments.stream().filter(s -> s.index() == index - 1).findFirst();
    }

    /** The continuation URL of the piece scene {@code index} continues, or null. */
    public synchronized String previousUrl(int index) {
        return previous(index).map(SceneSegment::continuationUrl).orElse(null);
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

    /** The scene is being cut and stored beside the generation of the next. */
    public synchronized void storing(int index) {
        storing.put(index, null);
        storeChecks = 0;
    }

    /**
     * How long to wait before looking again whether the scenes are stored: 10 ms, then 20, then 40 ms each time
     * (a last store takes tens to hundreds of milliseconds; many runs waiting at once should not look every 10 ms).
     */
    public synchronized long nextStoreCheckMs() {
        return 10L << Math.min(storeChecks++, 2);
    }

    /** The scene's segment is stored. */
    public synchronized void stored(int index) {
        storing.put(index, new Ending(null));
    }

    /** Storing the scene failed: the run ends with this failure at its next step. */
    public synchronized void storingFailed(int index, Throwable failure) {
        storing.put(index, new Ending(failure));
    }

    /** Whether a scene is still being cut or stored. */
    public synchronized boolean stillStoring() {
        return storing.containsValue(null);
    }

    /** The first failure of storing a scene, thrown as it was; nothing when none failed. */
    public synchronized void checkStored() throws Exception {
        for (Ending ending : storing.values()) {
            if (ending != null && ending.failure() != null) {
                if (ending.failure() instanceof Exception e) {
                    throw e;
                }
                throw new IllegalStateException(ending.failure());
            }
        }
    }
}
