package io.scenescore.job;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The loudness a run's deliverable is mastered to (audio_params.loudness): a preset ({@code streaming}: -14 LUFS
 * integrated, true peak at most -1 dBTP; {@code broadcast}, EBU R128: -23 LUFS, -1 dBTP), {@code none} (left as
 * the pieces made it), or {@code custom} values.
 */
public record Loudness(@JsonProperty("preset") String preset, @JsonProperty("integrated") Double integrated,
                       @JsonProperty("true_peak") Double truePeak) {

    public static final Loudness STREAMING = new Loudness("streaming", -14.0, -1.0);
    public static final Loudness BROADCAST = new Loudness("broadcast", -23.0, -1.0);
    public static final Loudness NONE = new Loudness("none", null, null);
    static final double MIN_INTEGRATED = -70, MAX_INTEGRATED = -5, MIN_TRUE_PEAK = -9, MAX_TRUE_PEAK = 0;

    /** Whether the deliverable is corrected to a target at all. */
    @JsonIgnore
    public boolean applies() {
        return integrated != null && truePeak != null;
    }

    /** audio_params.loudness as a request gives it: a preset's name, or {"integrated", "true_peak"}. */
    static Loudness read(JsonNode node, Loudness fallback, List<FieldError> errors) {
        String field = "audio_params.loudness";
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isTextual()) {
            return switch (node.textValue().toLowerCase(Locale.ROOT)) {
                case "streaming" -> STREAMING;
                case "broadcast" -> BROADCAST;
                case "none" -> NONE;
                default -> {
                    errors.add(new FieldError(field, "must be streaming, broadcast, none or {\"integrated\": LUFS, \"true_peak\": dBTP}, got " + node.textValue()));
                    yield fallback;
                }
            };
        }
        if (!node.isObject()) {
            errors.add(new FieldError(field, "must be streaming, broadcast, none or {\"integrated\": LUFS, \"true_peak\": dBTP}"));
            return fallback;
        }
        for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("integrated") && !name.equals("true_peak")) {
                errors.add(new FieldError(field + "." + name, "is not a known field; known: integrated, true_peak"));
            }
        }
        Double integrated = number(node.get("integrated"), field + ".integrated", MIN_INTEGRATED, MAX_INTEGRATED, "LUFS", errors);
        Double truePeak = number(node.get("true_peak"), field + ".true_peak", MIN_TRUE_PEAK, MAX_TRUE_PEAK, "dBTP", errors);
        return integrated == null || truePeak == null ? fallback : new Loudness("custom", integrated, truePeak);
    }

    private static Double number(JsonNode n, String field, double min, double max, String unit, List<FieldError> errors) {
        if (n == null || n.isNull()) {
            errors.add(new FieldError(field, "is required (" + unit + ")"));
            return null;
        }
        if (!n.isNumber()) {
            errors.add(new FieldError(field, "must be a number (" + unit + ")"));
            return null;
        }
        double v = n.doubleValue();
        if (v < min || v > max) {
            errors.add(new FieldError(field, String.format(Locale.ROOT, "must be between %s and %s %s, got %s", (int) min, (int) max, unit, n.asText())));
            return null;
        }
        return v;
    }
}
