package io.scenescore.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks Replicate makes against meta/musicgen's input schema before a prediction exists
 * (a failure is a 422, no prediction is created). Types follow cog-musicgen's {@code predict.py}:
 * {@code duration}, {@code continuation_start}, {@code continuation_end}, {@code top_k},
 * {@code classifier_free_guidance} and {@code seed} are integers, so {@code 8.5} and also
 * {@code 8.0} are rejected.
 *
 * <p>Deliberately strict where the real API is not documented: {@code null} is rejected for every
 * field (leaving a field out is always safe with the real API), {@code duration} must be 1..300
 * (the real schema has no bounds; SceneScore's contract caps scenes at 300 s), and
 * {@code output_format: "mp3"} is rejected because this fake only makes WAV.
 * Unknown input fields are ignored, as Replicate does.
 */
final class MusicGenInputSchema {

    static final Set<String> MODEL_VERSIONS = Set.of("stereo-melody-large", "stereo-large", "melody-large", "large");
    private static final Set<String> NORMALIZATION = Set.of("loudness", "clip", "peak", "rms");
    private static final Pattern VERSION_ID = Pattern.compile("[0-9a-f]{64}");

    private enum Type { STRING, INTEGER, NUMBER, BOOLEAN, URI }

    private static final Map<String, Type> FIELDS = Map.ofEntries(
            Map.entry("model_version", Type.STRING),
            Map.entry("prompt", Type.STRING),
            Map.entry("input_audio", Type.URI),
            Map.entry("duration", Type.INTEGER),
            Map.entry("continuation", Type.BOOLEAN),
            Map.entry("continuation_start", Type.INTEGER),
            Map.entry("continuation_end", Type.INTEGER),
            Map.entry("multi_band_diffusion", Type.BOOLEAN),
            Map.entry("normalization_strategy", Type.STRING),
            Map.entry("top_k", Type.INTEGER),
            Map.entry("top_p", Type.NUMBER),
            Map.entry("temperature", Type.NUMBER),
            Map.entry("classifier_free_guidance", Type.INTEGER),
            Map.entry("output_format", Type.STRING),
            Map.entry("seed", Type.INTEGER));

    private MusicGenInputSchema() {
    }

    /** Problems with a create body, each naming its field ({@code input.duration: ...}); empty when valid. */
    static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            problems.add("body: must be a JSON object with \"version\" and \"input\"");
            return problems;
        }
        JsonNode version = body.get("version");
        if (version == null || !version.isTextual()) {
            problems.add("version: a 64-character version id is required");
        } else if (!VERSION_ID.matcher(version.asText()).matches()) {
            problems.add("version: \"" + version.asText() + "\" is not a 64-character hex version id");
        }
        JsonNode input = body.get("input");
        if (input == null || !input.isObject()) {
            problems.add("input: must be an object");
            return problems;
        }
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            Type type = FIELDS.get(field.getKey());
            if (type != null) {
                checkType("input." + field.getKey(), field.getValue(), type, problems);
            }
        }
        if (problems.isEmpty()) {
            checkValues(input, problems);
        }
        return problems;
    }

    private static void checkType(String name, JsonNode value, Type type, List<String> problems) {
        boolean ok = switch (type) {
            case STRING, URI -> value.isTextual();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
        };
        if (!ok) {
            problems.add(name + ": Invalid type. Expected: " + typeName(type) + ", given: " + jsonType(value));
        } else if (type == Type.URI && !looksLikeUri(value.asText())) {
            problems.add(name + ": Does not match format 'uri'");
        }
    }

    private static void checkValues(JsonNode input, List<String> problems) {
        JsonNode duration = input.get("duration");
        if (duration != null && (duration.asLong() < 1 || duration.asLong() > 300)) {
            problems.add("input.duration: Must be between 1 and 300 (this fake's bound), given: " + duration.asLong());
        }
        for (String name : List.of("continuation_start", "continuation_end")) {
            JsonNode value = input.get(name);
            if (value != null && value.asLong() < 0) {
                problems.add("input." + name + ": Must be greater than or equal to 0");
            }
        }
        enumValue(input, "model_version", MODEL_VERSIONS, problems);
        enumValue(input, "normalization_strategy", NORMALIZATION, problems);
        JsonNode format = input.get("output_format");
        if (format != null) {
            if (format.asText().equals("mp3")) {
                problems.add("input.output_format: \"mp3\" is valid at Replicate, but this fake serves WAV only: ask for \"wav\"");
            } else if (!format.asText().equals("wav")) {
                problems.add("input.output_format: Must be one of the following: \"wav\", \"mp3\"");
            }
        }
    }

    private static void enumValue(JsonNode input, String name, Set<String> allowed, List<String> problems) {
        JsonNode value = input.get(name);
        if (value != null && !allowed.contains(value.asText())) {
            problems.add("input." + name + ": Must be one of the following: " + String.join(", ", allowed.stream().sorted().toList())
                    + "; given: \"" + value.asText() + "\"");
        }
    }

    private static boolean looksLikeUri(String text) {
        return text.startsWith("http://") || text.startsWith("https://") || text.startsWith("data:");
    }

    private static String typeName(Type type) {
        return switch (type) {
            case STRING -> "string";
            case URI -> "string (uri)";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
        };
    }

    private static String jsonType(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }
}
