package io.scenescore.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scenescore.job.JobRequests.RegenerateRequest;

/**
 * Decides whether a scene of a stored job can be made again, and what the run does: which scenes it makes (the
 * scene, and the ones after it with {@code following}), what the scene's words become, and the run's own seed.
 * Refusals: no such job or scene (404); a run queued or running, no version yet, or a piece it must reuse not
 * stored (409); words that leave the scene without a description or prompt (400).
 */
public final class Regenerations {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a regenerate run does: {@code scene} and the {@code scenes} it makes, the words merged into the scene
     * ({@code overridesJson}), and what the run is told ({@code json}, stored in jobs.regenerate).
     */
    public record Regeneration(String jobId, int scene, List<Integer> scenes, String overridesJson, String json) {
    }

    /** @param row the job as sql/select-job-for-regenerate.sql answers it (null: no such job) */
    public Regeneration plan(RegenerateRequest request, Map<String, Object> row, String jobId, int index)
            throws JsonProcessingException {
        if (row == null) {
            throw new UnknownJob(jobId);
        }
        JsonNode storyboard = JSON.readTree(String.valueOf(row.get("storyboard")));
        JsonNode scenes = storyboard.path("scenes");
        int count = scenes.size();
        if (index < 0 || index >= count) {
            throw new UnknownScene("job " + jobId + " has " + count + (count == 1 ? " scene (index 0)" : " scenes (0 to " + (count - 1) + ")")
                    + "; there is no scene " + index);
        }
        String status = String.valueOf(row.get("status"));
        if ("queued".equals(status) || "running".equals(status)) {
            throw new RunAlreadyActive(jobId);
        }
        if (((Number) row.get("versions")).intValue() == 0) {
            throw new NotReady("no run of job " + jobId + " has completed yet: a scene is made again from a finished score; "
                    + "run the job with generate-scenes first");
        }
        List<Integer> remade = new ArrayList<>();
        for (int i = index; i < (request.following() ? count : index + 1); i++) {
            remade.add(i);
        }
        List<Integer> stored = new ArrayList<>();
        if (row.get("stored") != null) {
            for (JsonNode i : JSON.readTree(String.valueOf(row.get("stored")))) {
                stored.add(i.asInt());
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!remade.contains(i) && !stored.contains(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new NotReady("job " + jobId + " has no stored music for scene" + (missing.size() == 1 ? " " : "s ")
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " (its last run ended " + status + " before making " + (missing.size() == 1 ? "it" : "them")
                    + "); make them again too (\"following\": true from an earlier scene) or run the job again with generate-scenes");
        }
        ObjectNode overrides = (ObjectNode) JSON.readTree(request.overridesJson());
        ObjectNode edited = ((ObjectNode) scenes.get(index).deepCopy()).setAll(overrides);
        if (blank(edited, "description") && blank(edited, "prompt")) {
            throw new InvalidFields("description", "scene " + index + " would have neither a description nor a prompt");
        }
        ObjectNode told = JSON.createObjectNode();
        told.put("scene", index);
        told.put("following", request.following());
        told.set("scenes", JSON.valueToTree(remade));
        if (request.seed() != null) {
            told.put("seed", request.seed());
        }
        return new Regeneration(jobId, index, List.copyOf(remade), request.overridesJson(), JSON.writeValueAsString(told));
    }

    private static boolean blank(JsonNode scene, String field) {
        JsonNode value = scene.get(field);
        return value == null || !value.isTextual() || value.textValue().isBlank();
    }
}
