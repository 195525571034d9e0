package io.scenescore.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.scenescore.job.Scene;
import io.scenescore.media.RawAudio;

/**
 * One scene of a run on its way through the routes (the body of {@code direct:score-scene} and of every music
 * source): the scene, how long its piece is made, what a music source made of it (the raw pieces to cut, what
 * the next scene continues), how it ended, and what an interrupted attempt left of it. A source fills it in
 * and hands it back; the run stores it and turns it into the {@link SceneSegment} the next scene continues.
 */
public final class SceneWork {

    private final Scene scene;
    private final double pieceSeconds;
    private final Path segmentFile;
    private String status = "completed";
    private String source;
    private String error;
    private RawAudio raw = RawAudio.silence();
    private String continuationUrl;
    private int continuationSeconds;
    private String musicalContext;
    private String predictionId;
    private String interruptedPredictionId;
    private Integer interruptedPredictionIndex;
    private boolean interrupted;
    private boolean collect;
    private SceneCue cue;

    public SceneWork(Scene scene, double pieceSeconds, String source, Path segmentFile) {
        this.scene = scene;
        this.pieceSeconds = pieceSeconds;
        this.source = source;
        this.segmentFile = segmentFile;
    }

    public Scene scene() {
        return scene;
    }

    public int index() {
        return scene.index();
    }

    /** How long the source makes the piece: the scene's length, and for a crossfade the fade on top. */
    public double pieceSeconds() {
        return pieceSeconds;
    }

    public Path segmentFile() {
        return segmentFile;
    }

    public String status() {
        return status;
    }

    public String source() {
        return source;
    }

    public String error() {
        return error;
    }

    /** The pieces a source made (files, each with the seconds at its front to cut off); none: silence. */
    public RawAudio raw() {
        return raw;
    }

    public SceneWork made(RawAudio pieces) {
        this.raw = pieces;
        return this;
    }

    /**
     * The source left its output to fetch (direct:collect-PROVIDER) while the next scene is made: what the next
     * scene continues is known already, the audio is not.
     */
    public SceneWork toCollect() {
        this.collect = true;
        return this;
    }

    /** Whether the source's output is still to fetch before the scene is cut. */
    public boolean awaitsCollection() {
        return collect;
    }

    /** The output is fetched (or given up for silence). */
    public SceneWork collected() {
        this.collect = false;
        return this;
    }

    /** What the next scene continues: the source's URL of the raw piece and its length in whole seconds. */
    public SceneWork continuedFrom(String url, int seconds, String lastPredictionId) {
        this.continuationUrl = url;
        this.continuationSeconds = seconds;
        this.predictionId = lastPredictionId;
        return this;
    }

    public String continuationUrl() {
        return continuationUrl;
    }

    public int continuationSeconds() {
        return continuationSeconds;
    }

    public String predictionId() {
        return predictionId;
    }

    /** The composer's key, tempo and motif (JSON) for the next scene to continue; null from other sources. */
    public String musicalContext() {
        return musicalContext;
    }

    public SceneWork composed(String json) {
        this.musicalContext = json;
        return this;
    }

    /** What the music source was asked (prompt, seed, model, predictions), for the cue sheet; null for silence. */
    public SceneCue cue() {
        return cue;
    }

    public SceneWork cued(SceneCue cue) {
        this.cue = cue;
        return this;
    }

    /** The cue as stored with the segment (JSON), or null. */
    public String cueJson() throws com.fasterxml.jackson.core.JsonProcessingException {
        return cue == null ? null : CUE_JSON.writeValueAsString(cue);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CUE_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The scene falls back to silence for {@code why}: nothing of the failed source is kept. */
    public SceneWork silenced(String why) {
        this.status = "silence";
        this.source = "silence";
        this.error = why;
        this.raw = RawAudio.silence();
        this.continuationUrl = null;
        this.continuationSeconds = 0;
        this.musicalContext = null;
        this.cue = null;
        this.collect = false;
        return this;
    }

    /**
     * What an interrupted attempt left of the scene (mark-scene-running.sql's answer: whether its row was running,
     * and the prediction it was waiting for, if any). Null row: the run was not held, nothing is known.
     */
    public SceneWork resumedFrom(Map<String, Object> row) {
        this.interrupted = row != null && Boolean.TRUE.equals(row.get("interrupted"));
        if (row != null && row.get("prediction_id") != null) {
            this.interruptedPredictionId = String.valueOf(row.get("prediction_id"));
            this.interruptedPredictionIndex = row.get("prediction_index") == null ? null : ((Number) row.get("prediction_index")).intValue();
        }
        return this;
    }

    /** Whether an earlier attempt started this scene and was interrupted. */
    public boolean interrupted() {
        return interrupted;
    }

    /** The prediction an interrupted attempt was waiting for at generation {@code index} of the scene, or null. */
    public String interruptedPrediction(int index) {
        return interruptedPredictionIndex != null && interruptedPredictionIndex == index ? interruptedPredictionId : null;
    }

    /** The finished piece, as the next scene continues it. */
    public SceneSegment segment() {
        return new SceneSegment(scene.index(), segmentFile, pieceSeconds, source, continuationUrl, continuationSeconds,
                musicalContext, false);
    }

    @Override
    public String toString() {
        return "scene " + scene.index() + " (" + status + ")";
    }
}
