package io.scenescore.replicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scenescore.job.AudioParams;
import io.scenescore.job.Scene;

/** The body of a create-prediction call for meta/musicgen, following its input schema (integers where it wants them). */
public final class MusicGenRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String version;
    private final PromptBuilder prompts;

    public MusicGenRequests(String version, PromptBuilder prompts) {
        if (version == null || !version.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the MusicGen version must be a 64-hex version id, got " + version);
        }
        this.version = version;
        this.prompts = prompts;
    }

    /** What a scene's predictions are asked, for its cue sheet: the exact prompt, the seed, the model and version. */
    public io.scenescore.run.SceneCue cue(Scene scene, AudioParams params) {
        return new io.scenescore.run.SceneCue(prompts.prompt(scene, params), params.seed(), "meta/musicgen",
                params.modelVersion(), version, java.util.List.of());
    }

    /** The create body of generation {@code g} of a scene, continuing {@code inputUrl} when it is a continuation. */
    public String create(Scene scene, AudioParams params, Generation g, String inputUrl) throws JsonProcessingException {
        ObjectNode body = JSON.createObjectNode();
        body.put("version", version);
        ObjectNode input = body.putObject("input");
        input.put("prompt", prompts.prompt(scene, params));
        input.put("model_version", params.modelVersion());
        input.put("duration", g.duration());
        input.put("output_format", "wav");
        input.put("normalization_strategy", "loudness");
        if (g.continuation()) {
            input.put("continuation", true);
            input.put("input_audio", inputUrl);
            input.put("continuation_start", g.windowStart());
            input.put("continuation_end", g.windowEnd());
        }
        if (params.seed() != null) {
            input.put("seed", params.seed());
        }
        return JSON.writeValueAsString(body);
    }
}
