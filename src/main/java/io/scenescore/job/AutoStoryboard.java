package io.scenescore.job;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a storyboard is made from the job's video ({@code "storyboard": "auto"}, or none given with a video): the
 * request's {@code auto_storyboard} settings, checked.
 *
 * @param threshold       a frame starts a new shot when its scene-change score (FFmpeg's, 0 to 1) is above this
 * @param minSceneSeconds shots shorter than this are merged into a neighbour
 * @param maxScenes       at most this many scenes: the weakest cuts go first
 */
public record AutoStoryboard(double threshold, double minSceneSeconds, int maxScenes) {

    /** Tuned on bench/cut-detection.sh (see bench/README.md): every cut found, no pan or fade taken for one. */
    public static final double DEFAULT_THRESHOLD = 0.1;
    public static final double DEFAULT_MIN_SCENE_SECONDS = 2;
    public static final double MIN_SCENE_SECONDS_LOWEST = 0.5;
    public static final double MIN_SCENE_SECONDS_HIGHEST = 60;

    public static AutoStoryboard defaults() {
        return new AutoStoryboard(DEFAULT_THRESHOLD, DEFAULT_MIN_SCENE_SECONDS, StoryboardReader.MAX_SCENES);
    }

    /** The settings in {@code node} (field auto_storyboard; absent: the defaults), each wrong one added to {@code errors}. */
    public static AutoStoryboard read(JsonNode node, List<FieldError> errors) {
        AutoStoryboard defaults = defaults();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return defaults;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("auto_storyboard", "must be an object such as {\"threshold\": 0.25, \"min_scene_seconds\": 2, \"max_scenes\": 20}"));
            return defaults;
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("threshold", "min_scene_seconds", "max_scenes").contains(name)) {
                errors.add(new FieldError("auto_storyboard." + name, "is not a setting: threshold, min_scene_seconds and max_scenes are"));
            }
        }
        double threshold = number(node, "threshold", defaults.threshold(), errors);
        if (!(threshold > 0 && threshold < 1)) {
            errors.add(new FieldError("auto_storyboard.threshold", "must be more than 0 and less than 1 (a scene-change score), got " + show(threshold)));
        }
        double min = number(node, "min_scene_seconds", defaults.minSceneSeconds(), errors);
        if (!(min >= MIN_SCENE_SECONDS_LOWEST && min <= MIN_SCENE_SECONDS_HIGHEST)) {
            errors.add(new FieldError("auto_storyboard.min_scene_seconds", "must be from " + show(MIN_SCENE_SECONDS_LOWEST)
                    + " to " + show(MIN_SCENE_SECONDS_HIGHEST) + " seconds, got " + show(min)));
        }
        double max = number(node, "max_scenes", defaults.maxScenes(), errors);
        if (max != Math.rint(max) || max < 1 || max > StoryboardReader.MAX_SCENES) {
            errors.add(new FieldError("auto_storyboard.max_scenes", "must be a whole number from 1 to " + StoryboardReader.MAX_SCENES
                    + ", got " + show(max)));
        }
        return new AutoStoryboard(threshold, min, (int) Math.max(1, Math.min(StoryboardReader.MAX_SCENES, max)));
    }

    private static double number(JsonNode node, String field, double fallback, List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            errors.add(new FieldError("auto_storyboard." + field, "must be a number, got " + value));
            return fallback;
        }
        return value.doubleValue();
    }

    private static String show(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
