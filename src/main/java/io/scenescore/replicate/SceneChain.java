package io.scenescore.replicate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The predictions making one scene, as they are made: which one is next, what it continues, and the
 * pieces downloaded so far. One chain travels with the scene's exchange.
 */
public final class SceneChain {

    private final List<Generation> generations;
    private final List<Path> files = new ArrayList<>();
    private final List<String> predictionIds = new ArrayList<>();
    private String inputUrl;

    public SceneChain(List<Generation> generations, String previousUrl) {
        this.generations = List.copyOf(generations);
        this.inputUrl = previousUrl;
    }

    public int size() {
        return generations.size();
    }

    public Generation generation(int index) {
        return generations.get(index);
    }

    /** The URL the next prediction continues from, or null. */
    public String inputUrl() {
        return inputUrl;
    }

    public synchronized void record(String predictionId, String outputUrl, Path file) {
        predictionIds.add(predictionId);
        files.add(file);
        inputUrl = outputUrl;
    }

    public synchronized List<Path> files() {
        return List.copyOf(files);
    }

    /** Seconds to cut off the front of each downloaded piece: the window it repeats. */
    public List<Integer> windows() {
        return generations.stream().map(Generation::windowSeconds).toList();
    }

    public synchronized String lastPredictionId() {
        return predictionIds.isEmpty() ? null : predictionIds.get(predictionIds.size() - 1);
    }

    /** What the next scene continues: the last output URL and its length in whole seconds. */
    public synchronized String lastOutputUrl() {
        return files.isEmpty() ? null : inputUrl;
    }

    public int lastOutputSeconds() {
        return generations.get(generations.size() - 1).duration();
    }
}
