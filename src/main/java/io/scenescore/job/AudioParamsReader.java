package io.scenescore.job;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.job.AudioParams;
import io.scenescore.job.Scene;

/** Reads and validates audio_params, filling in the contract's defaults. */
public final class AudioParamsReader {

    static final double MAX_FADE = 10;
    private static final Map<String, Set<String>> CHOICES = Map.of(
            "transition", Set.of("fade", "crossfade"),
            "sync_mode", Set.of("trim", "stretch", "compress"),
            "error_strategy", Set.of("continue_with_silence", "halt"),
            "model_version", Set.of("stereo-large", "stereo-melody-large", "melody-large", "large"),
            "output_format", Set.of("mp3", "wav"),
            "mix", Set.of("duck", "blend", "replace"),
            "continuity", Set.of("chain", "independent"));
    private static final Set<String> KNOWN = Set.of("prompt", "fade_duration", "transition", "sync_mode",
            "merge_with_video", "error_strategy", "model_version", "output_format", "seed", "loudness",
            "mix", "duck_db", "music_gain_db", "continuity");
    /** duck must lower the music audibly under speech: at least 12 dB (and not more than 40, where it is gone). */
    static final double MIN_DUCK_DB = 12, MAX_DUCK_DB = 40;
    /** blend's music gain: under the video's own sound, down to where it is barely there. */
    static final double MIN_MUSIC_GAIN_DB = -40, MAX_MUSIC_GAIN_DB = 0;

    private AudioParamsReader() {
    }

    public static AudioParams read(JsonNode node, List<FieldError> errors) {
        return read(node, errors, AudioParams.defaults());
    }

    /** As {@link #read(JsonNode, List)}, with the operator's defaults for what the request leaves out. */
    public static AudioParams read(JsonNode node, List<FieldError> errors, AudioParams d) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return d;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("audio_params", "must be an object"));
            return d;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                errors.add(new FieldError("audio_params." + name, "is not a known parameter; known: " + String.join(", ", KNOWN.stream().sorted().toList())));
            }
        }
        String prompt = d.prompt();
        JsonNode p = node.get("prompt");
        if (p != null && !p.isNull()) {
            if (!p.isTextual()) {
                errors.add(new FieldError("audio_params.prompt", "must be a string"));
            } else if (p.textValue().length() > StoryboardReader.MAX_TEXT) {
                errors.add(new FieldError("audio_params.prompt", "is " + p.textValue().length() + " characters long; the limit is " + StoryboardReader.MAX_TEXT));
            } else {
                prompt = p.textValue();
            }
        }
        double fade = d.fadeDuration();
        JsonNode f = node.get("fade_duration");
        if (f != null && !f.isNull()) {
            if (!f.isNumber()) {
                errors.add(new FieldError("audio_params.fade_duration", "must be a number of seconds"));
            } else if (f.doubleValue() < 0 || f.doubleValue() > MAX_FADE) {
                errors.add(new FieldError("audio_params.fade_duration", "must be between 0 and " + (int) MAX_FADE + " seconds, got " + f.asText()));
            } else {
                fade = f.doubleValue();
            }
        }
        boolean merge = d.mergeWithVideo();
        JsonNode m = node.get("merge_with_video");
        if (m != null && !m.isNull()) {
            if (!m.isBoolean()) {
                errors.add(new FieldError("audio_params.merge_with_video", "must be true or false"));
            } else {
                merge = m.booleanValue();
            }
        }
        Long seed = d.seed();
        JsonNode s = node.get("seed");
        if (s != null && !s.isNull()) {
            if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                errors.add(new FieldError("audio_params.seed", "must be an integer"));
            } else {
                seed = s.longValue();
            }
        }
        return new AudioParams(prompt, fade,
                choice(node, "transition", d.transition(), errors),
                choice(node, "sync_mode", d.syncMode(), errors),
                merge,
                choice(node, "error_strategy", d.errorStrategy(), errors),
                choice(node, "model_version", d.modelVersion(), errors),
                choice(node, "output_format", d.outputFormat(), errors),
                seed,
                Loudness.read(node.get("loudness"), d.loudnessTarget(), errors),
                choice(node, "mix", d.mix(), errors),
                decibels(node, "duck_db", d.duckDecibels(), MIN_DUCK_DB, MAX_DUCK_DB, errors),
                decibels(node, "music_gain_db", d.musicGainDecibels(), MIN_MUSIC_GAIN_DB, MAX_MUSIC_GAIN_DB, errors),
                choice(node, "continuity", d.continuity(), errors));
    }

    private static double decibels(JsonNode node, String field, double fallback, double min, double max, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            errors.add(new FieldError("audio_params." + field, "must be a number of decibels"));
            return fallback;
        }
        if (value.doubleValue() < min || value.doubleValue() > max) {
            errors.add(new FieldError("audio_params." + field, "must be between " + (int) min + " and " + (int) max + " dB, got " + value.asText()));
            return fallback;
        }
        return value.doubleValue();
    }

    /** The checks that need the storyboard: a fade may take at most half of the shortest scene. */
    public static void checkAgainst(AudioParams params, List<Scene> scenes, List<FieldError> errors) {
        double shortest = scenes.stream().mapToDouble(Scene::duration).min().orElse(Double.MAX_VALUE);
        if (scenes.size() > 1 && params.fadeDuration() > shortest / 2) {
            errors.add(new FieldError("audio_params.fade_duration", "must be at most half the shortest scene ("
                    + shortest + " s), so at most " + shortest / 2 + " s; got " + params.fadeDuration()));
        }
    }

    private static String choice(JsonNode node, String field, String fallback, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        Set<String> allowed = CHOICES.get(field);
        if (!value.isTextual() || !allowed.contains(value.textValue())) {
            errors.add(new FieldError("audio_params." + field, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + "; got " + value));
            return fallback;
        }
        return value.textValue();
    }
}
