package io.scenescore.replicate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The predictions making one scene, as they are made (variable {@code chain} of the Replicate routes): which
 * one is being made, what it continues, the prediction being waited for and its polls, and the pieces
 * downloaded so far.
 */
public final class SceneChain {

    private List<Generation> generations;
    private String inputUrl;
    private final List<Generation> interruptedGenerations;
    private final String interruptedInputUrl;
    private final Path windowFile;
    private final PollSchedule schedule;
    private final List<Path> files = new ArrayList<>();
    private final List<String> predictionIds = new ArrayList<>();
    private int current;
    private String createBody;
    private Prediction prediction;
    private int polls;
    private List<java.util.Map<String, Object>> claimedElsewhere = List.of();
    private long deadline;
    private io.scenescore.run.SceneSegment continued;
    private int windowSeconds;
    private io.scenescore.run.SceneCue cue;

    /**
     * @param interruptedGenerations the chain as an interrupted attempt planned it (continuing the previous
     *                               piece's output URL), to look for its lost create; null when not interrupted
     * @param windowFile             where to cut the restored previous piece's last seconds to continue from; null
     *                               when the previous piece is continued from its URL, or not at all
     */
    SceneChain(List<Generation> generations, String previousUrl, List<Generation> interruptedGenerations,
               String interruptedInputUrl, Path windowFile, PollSchedule schedule) {
        this.generations = List.copyOf(generations);
        this.inputUrl = previousUrl;
        this.interruptedGenerations = interruptedGenerations;
        this.interruptedInputUrl = interruptedInputUrl;
        this.windowFile = windowFile;
        this.schedule = schedule;
    }

    /** The chain continues {@code previous} (null: nothing), cutting {@code window} seconds of it when restored. */
    SceneChain continuing(io.scenescore.run.SceneSegment previous, int window, io.scenescore.run.SceneCue cue) {
        this.continued = previous;
        this.windowSeconds = window;
        this.cue = cue;
        return this;
    }

    /** The piece the chain continues, or null. */
    public io.scenescore.run.SceneSegment continued() {
        return continued;
    }

    /** Whole seconds of the restored previous piece cut into the window file. */
    public int windowSeconds() {
        return windowSeconds;
    }

    /** What the scene's predictions are asked (prompt, seed, model), for the cue sheet. */
    public io.scenescore.run.SceneCue cue() {
        return cue;
    }

    /** The predictions made (or adopted) so far, in order. */
    public synchronized List<String> predictionIds() {
        return List.copyOf(predictionIds);
    }

    public int size() {
        return generations.size();
    }

    /** The index of the generation being made. */
    public int current() {
        return current;
    }

    public Generation generation() {
        return generations.get(current);
    }

    /** The URL the prediction being made continues from, or null. */
    public String inputUrl() {
        return inputUrl;
    }

    void continueFrom(String url) {
        this.inputUrl = url;
    }

    public Path windowFile() {
        return windowFile;
    }

    public List<Generation> interruptedGenerations() {
        return interruptedGenerations;
    }

    public String interruptedInputUrl() {
        return interruptedInputUrl;
    }

    /** Whether a lost create of an interrupted attempt may be in Replicate's list, made from another plan. */
    public boolean mayHaveBeenCreatedBefore() {
        return interruptedGenerations != null && current == 0;
    }

    /** The interrupted attempt's prediction was found: the chain goes on as that attempt planned it. */
    void followInterruptedPlan() {
        this.generations = List.copyOf(interruptedGenerations);
        this.inputUrl = interruptedInputUrl;
    }

    void claimedElsewhere(List<java.util.Map<String, Object>> rows) {
        this.claimedElsewhere = rows == null ? List.of() : List.copyOf(rows);
    }

    List<java.util.Map<String, Object>> claimedElsewhere() {
        return claimedElsewhere;
    }

    public String createBody() {
        return createBody;
    }

    void prepared(String body) {
        this.createBody = body;
    }

    public Prediction prediction() {
        return prediction;
    }

    /** What a poll of the current prediction answered; counts the poll. */
    void polled(Prediction prediction) {
        this.prediction = prediction;
        polls++;
    }

    /** The current prediction as read again after its output file was not found. */
    void reread(Prediction prediction) {
        this.prediction = prediction;
    }

    /** The current generation has no prediction yet: one is to be created (or found). */
    void forgetPrediction() {
        this.prediction = null;
    }

    /** Starts waiting for the current prediction: polls and deadline count from now. */
    void awaiting(Prediction prediction) {
        this.prediction = prediction;
        this.polls = 0;
        this.deadline = schedule.deadline();
    }

    /** Whether to look at the prediction again: not finished, polls and time left. */
    public boolean polling() {
        return schedule.keepPolling(prediction.terminal(), polls, deadline);
    }

    /** The wait before the next poll: the schedule's (scenescore.replicate.poll.*), growing with the polls made. */
    public long nextPollDelay() {
        return schedule.delayMillis(polls);
    }

    public int polls() {
        return polls;
    }

    /** Whether the current generation is the scene's last (its output is fetched beside the next scene's generation). */
    public boolean lastGeneration() {
        return current == generations.size() - 1;
    }

    /** The current generation's piece is saved: the next one continues its output. */
    synchronized void record(Path file) {
        predictionIds.add(prediction.id());
        files.add(file);
        inputUrl = prediction.outputUrl();
        current++;
        prediction = null;
        createBody = null;
    }

    public synchronized List<Path> files() {
        return List.copyOf(files);
    }

    /** Seconds to cut off the front of each downloaded piece: the window it repeats. */
    public List<Integer> windows() {
        return generations.stream().map(Generation::windowSeconds).toList();
    }

    /** The length in whole seconds of the scene's last output, which the next scene continues. */
    public int lastOutputSeconds() {
        return generations.get(generations.size() - 1).duration();
    }
}
