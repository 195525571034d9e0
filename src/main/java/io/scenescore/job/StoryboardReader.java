package io.scenescore.job;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.job.Scene;

/** Reads and validates a storyboard, naming every field that is wrong. */
public final class StoryboardReader {

    public static final int MAX_SCENES = 200;
    public static final double MAX_SCENE_SECONDS = 300;
    public static final int MAX_TEXT = 2000;
    private static final String[] TEXT_FIELDS = {"title", "description", "music_description", "music_style", "music_energy", "prompt"};

    private StoryboardReader() {
    }

    /** The scenes of {@code storyboard} (found at {@code path}), or the errors found, added to {@code errors}. */
    public static List<Scene> read(JsonNode storyboard, String path, List<FieldError> errors) {
        List<Scene> scenes = new ArrayList<>();
        if (storyboard == null || storyboard.isNull() || storyboard.isMissingNode()) {
            errors.add(new FieldError(path, "is required"));
            return scenes;
        }
        if (!storyboard.isObject()) {
            errors.add(new FieldError(path, "must be an object with a scenes list"));
            return scenes;
        }
        JsonNode list = storyboard.get("scenes");
        if (list == null || list.isNull()) {
            errors.add(new FieldError(path + ".scenes", "is required"));
            return scenes;
        }
        if (!list.isArray()) {
            errors.add(new FieldError(path + ".scenes", "must be a list of scenes"));
            return scenes;
        }
        if (list.isEmpty()) {
            errors.add(new FieldError(path + ".scenes", "must hold at least one scene"));
        }
        if (list.size() > MAX_SCENES) {
            errors.add(new FieldError(path + ".scenes", "holds " + list.size() + " scenes; the limit is " + MAX_SCENES));
            return scenes;
        }
        for (int i = 0; i < list.size(); i++) {
            Scene scene = readScene(list.get(i), i, path + ".scenes[" + i + "]", errors);
            if (scene != null) {
                scenes.add(scene);
            }
        }
        return scenes;
    }

    private static Scene readScene(JsonNode node, int index, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(path, "must be an object"));
            return null;
        }
        int before = errors.size();
        for (String field : TEXT_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                if (!value.isTextual()) {
                    errors.add(new FieldError(path + "." + field, "must be a string"));
                } else if (value.textValue().length() > MAX_TEXT) {
                    errors.add(new FieldError(path + "." + field, "is " + value.textValue().length()
                            + " characters long; the limit is " + MAX_TEXT));
                }
            }
        }
        double duration = readDuration(node.get("duration"), path + ".duration", errors);
        String description = text(node, "description");
        String prompt = text(node, "prompt");
        boolean wrongType = node.hasNonNull("description") && !node.get("description").isTextual()
                || node.hasNonNull("prompt") && !node.get("prompt").isTextual();
        if (isBlank(description) && isBlank(prompt) && !wrongType) {
            errors.add(new FieldError(path + ".description", "a description or a prompt is required"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new Scene(index, text(node, "title"), description, duration, text(node, "music_description"),
                text(node, "music_style"), text(node, "music_energy"), prompt);
    }

    private static double readDuration(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            errors.add(new FieldError(field, "is required (seconds, > 0, at most " + (int) MAX_SCENE_SECONDS + ")"));
            return 0;
        }
        if (!value.isNumber()) {
            errors.add(new FieldError(field, "must be a number of seconds"));
            return 0;
        }
        double seconds = value.doubleValue();
        if (!(seconds > 0)) {
            errors.add(new FieldError(field, "must be greater than 0, got " + value.asText()));
        } else if (seconds > MAX_SCENE_SECONDS) {
            errors.add(new FieldError(field, "must be at most " + (int) MAX_SCENE_SECONDS + " seconds, got " + value.asText()));
        }
        return seconds;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.textValue();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
