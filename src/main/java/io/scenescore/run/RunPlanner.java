package io.scenescore.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.scenescore.job.AudioParams;
import io.scenescore.job.FieldError;
import io.scenescore.job.Scene;
import io.scenescore.job.StoryboardReader;
import io.scenescore.store.WorkFolders;

/**
 * Turns a claimed job's row into its {@link Run}, and puts back the scenes an earlier attempt finished; makes the
 * run's own folder (the job's work folder's {@code run/}) and clears it when the run ends.
 */
public final class RunPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(RunPlanner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path workDirectory;
    private final String provider;
    private final RunSlots slots;

    public RunPlanner(Path workDirectory, String provider, RunSlots slots) {
        this.workDirectory = workDirectory;
        this.provider = provider;
        this.slots = slots;
    }

    /** The music source this instance's runs use (replicate, composer or silence). */
    public String provider() {
        return provider;
    }

    public Run start(Map<String, Object> job) throws IOException {
        String jobId = String.valueOf(job.get("id"));
        List<FieldError> errors = new ArrayList<>();
        List<Scene> scenes = StoryboardReader.read(JSON.readTree(String.valueOf(job.get("storyboard"))), "storyboard", errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("stored storyboard of job " + jobId + " is invalid: " + errors);
        }
        Object stored = job.get("audio_params");
        Object regenerate = job.get("regenerate");
        JsonNode regeneration = regenerate == null ? null : JSON.readTree(String.valueOf(regenerate));
        AudioParams params = stored == null ? AudioParams.defaults() : JSON.readValue(String.valueOf(stored), AudioParams.class);
        List<Integer> regenerated = null;
        if (regeneration != null && regeneration.isObject()) {
            regenerated = new ArrayList<>();
            for (JsonNode index : regeneration.path("scenes")) {
                regenerated.add(index.asInt());
            }
            // a regenerated scene's own seed, for this run only: the job keeps its audio_params
            if (regeneration.hasNonNull("seed")) {
                ObjectNode tree = JSON.valueToTree(params);
                tree.put("seed", regeneration.get("seed").asLong());
                params = JSON.treeToValue(tree, AudioParams.class);
            }
        }
        Path workDir = WorkFolders.runFolder(workDirectory.resolve(jobId));
        Files.createDirectories(workDir);
        return new Run(new RunPlan(jobId, scenes, params, provider, workDir, regenerated == null ? null : List.copyOf(regenerated)),
                slots.instanceId(), slots.leaseSeconds(), slots.heldFreshMs());
    }

    /**
     * Removes the run's folder however the run ended (null: it never started): its pieces, the joined WAV and the
     * encoded soundtrack are stored by then, or are made again from what is stored by the attempt that resumes it.
     * The job's work folder keeps only copies named for their content. A folder that cannot be removed is the
     * operator's to see in the log, not the run's failure.
     */
    public void clear(Run run) {
        if (run == null) {
            return;
        }
        try {
            WorkFolders.deleteTree(run.plan().workDir());
        } catch (IOException | RuntimeException e) {
            LOG.warn("job {}: could not remove the run's folder {}: {}", run.jobId(), run.plan().workDir(), e.getMessage());
        }
    }

    /** Where a scene an earlier attempt stored (its select-stored-segments.sql row) is exported: named for its large object. */
    public Path exportedSegment(Run run, Map<String, Object> row) {
        return run.plan().scratchFile(((Number) row.get("scene_index")).intValue(), "stored-" + row.get("content"));
    }

    /** A scene an earlier attempt finished, exported to the run's folder ({@link #exportedSegment}), put in its place and in the sheet. */
    public void restore(Run run, Map<String, Object> row, Path exported) throws IOException {
        RunPlan plan = run.plan();
        int index = ((Number) row.get("scene_index")).intValue();
        // a WAV, or a FLAC stored before segments were cut on PCM: FFmpeg reads either
        byte[] magic = new byte[4];
        try (java.io.InputStream in = Files.newInputStream(exported)) {
            in.readNBytes(magic, 0, 4);
        }
        boolean flac = magic[0] == 'f' && magic[1] == 'L' && magic[2] == 'a' && magic[3] == 'C';
        Path file = flac ? plan.flacSegmentFile(index) : plan.segmentFile(index);
        Files.move(exported, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Object context = row.get("musical_context");
        Number continuationSeconds = (Number) row.get("continuation_seconds");
        run.sheet().add(new SceneSegment(index, file, plan.pieceSeconds(plan.scenes().get(index)), String.valueOf(row.get("source")),
                (String) row.get("continuation_url"), continuationSeconds == null ? 0 : continuationSeconds.intValue(),
                context == null ? null : context.toString(), true));
    }
}
