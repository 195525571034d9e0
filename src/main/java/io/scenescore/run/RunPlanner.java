package io.scenescore.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.api.FieldError;
import io.scenescore.composer.MusicalContext;
import io.scenescore.api.StoryboardReader;

/** Turns a claimed job's row into the plan of its run. */
public final class RunPlanner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path workDirectory;
    private final String provider;

    public RunPlanner(Path workDirectory, String provider) {
        this.workDirectory = workDirectory;
        this.provider = provider;
    }

    public RunPlan plan(Map<String, Object> job) throws IOException {
        String jobId = String.valueOf(job.get("id"));
        List<FieldError> errors = new ArrayList<>();
        List<Scene> scenes = StoryboardReader.read(JSON.readTree(String.valueOf(job.get("storyboard"))), "storyboard", errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("stored storyboard of job " + jobId + " is invalid: " + errors);
        }
        Object stored = job.get("audio_params");
        AudioParams params = stored == null ? AudioParams.defaults() : JSON.readValue(String.valueOf(stored), AudioParams.class);
        Path workDir = workDirectory.resolve(jobId);
        Files.createDirectories(workDir);
        return new RunPlan(jobId, scenes, params, provider, workDir);
    }

    public Path segmentFile(RunPlan plan, Scene scene) {
        return plan.segmentFile(scene.index());
    }

    /** A scratch file of the scene's, named for what a step makes (e.g. "silence.flac"). */
    public Path scratchFile(RunPlan plan, Scene scene, String name) {
        return plan.workDir().resolve(String.format("scene-%03d-%s", scene.index(), name));
    }

    public double pieceSeconds(RunPlan plan, Scene scene) {
        return plan.pieceSeconds(scene);
    }

    public SceneSegment segment(RunPlan plan, Scene scene, Path file, String source, String continuationUrl,
                                Integer continuationSeconds, MusicalContext musicalContext) {
        return new SceneSegment(scene.index(), file, plan.pieceSeconds(scene), source, continuationUrl,
                continuationSeconds == null ? 0 : continuationSeconds, musicalContext, false);
    }

    /** A scene an earlier attempt finished, written back to the run's folder and put in the sheet. */
    public void restore(RunPlan plan, ScoreSheet sheet, Map<String, Object> row, byte[] audio) throws IOException {
        int index = ((Number) row.get("scene_index")).intValue();
        Path file = plan.segmentFile(index);
        Files.write(file, audio);
        Object context = row.get("musical_context");
        Number continuationSeconds = (Number) row.get("continuation_seconds");
        sheet.add(new SceneSegment(index, file, plan.pieceSeconds(plan.scenes().get(index)), String.valueOf(row.get("source")),
                (String) row.get("continuation_url"), continuationSeconds == null ? 0 : continuationSeconds.intValue(),
                context == null ? null : JSON.readValue(context.toString(), MusicalContext.class), true));
    }

    /** The scenes still to make: those after the ones already in the sheet. */
    public List<Scene> remaining(RunPlan plan, ScoreSheet sheet) {
        return plan.scenes().stream().filter(s -> !sheet.has(s.index())).toList();
    }

    public String contextJson(MusicalContext context) throws IOException {
        return context == null ? null : JSON.writeValueAsString(context);
    }

    /** A strong ETag for stored bytes: their SHA-256, shortened. */
    public String etag(byte[] content) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    public ScoreSheet newScoreSheet() {
        return new ScoreSheet();
    }
}
