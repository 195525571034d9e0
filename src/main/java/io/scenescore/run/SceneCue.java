package io.scenescore.run;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a scene's music source was asked and answered, as the cue sheet reports it: the exact prompt sent (for the
 * composer, the words it was given), the seed, the model and its version id, and the predictions that made it.
 * Stored with the scene's segment (scene_segments.cue) and copied into each version.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SceneCue(@JsonProperty("prompt") String prompt,
                       @JsonProperty("seed") Long seed,
                       @JsonProperty("model") String model,
                       @JsonProperty("model_version") String modelVersion,
                       @JsonProperty("version_id") String versionId,
                       @JsonProperty("prediction_ids") List<String> predictionIds) {

    /** The same cue, with the predictions that made the scene. */
    public SceneCue madeBy(List<String> ids) {
        return new SceneCue(prompt, seed, model, modelVersion, versionId, List.copyOf(ids));
    }
}
