package io.scenescore.storyboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.scenescore.job.FieldError;
import io.scenescore.job.InvalidFields;
import io.scenescore.job.StoryboardReader;

/**
 * Where a video's scenes begin and end, from its frames' scene-change scores: a cut wherever a frame scores above
 * the threshold, then shots shorter than the minimum merged into a neighbour (the one across the weaker cut), then
 * the weakest cuts dropped until there are no more than the most scenes allowed, then any scene longer than a
 * storyboard allows split evenly at frame boundaries. Every boundary is a frame's time, the first scene starts at 0
 * and the last ends at the video's length, so the scenes add up to the video exactly.
 */
public final class Shots {

    /** A scene of the video: from {@code start} (inclusive) to {@code end} seconds, frames {@code [firstFrame, endFrame)}. */
    public record Span(double start, double end, int firstFrame, int endFrame, double cutScore) {

        public double seconds() {
            return round(end - start);
        }
    }

    private Shots() {
    }

    /**
     * @param times        each frame's time from the first frame (seconds, ascending)
     * @param scores       each frame's scene-change score (0 to 1) against the frame before
     * @param videoSeconds the video's length (the last scene ends there)
     */
    public static List<Span> plan(double[] times, double[] scores, double videoSeconds, double threshold,
                                  double minSceneSeconds, int maxScenes) {
        if (times.length == 0) {
            throw new IllegalArgumentException("no frames");
        }
        // boundaries: frame indices where a scene starts; the first frame always does
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 1; i < times.length; i++) {
            if (scores[i] > threshold && times[i] < videoSeconds) {
                starts.add(i);
            }
        }
        mergeShort(starts, times, scores, videoSeconds, minSceneSeconds);
        while (starts.size() > maxScenes) {
            starts.remove(weakest(starts, scores, 1, starts.size() - 1));
        }
        List<Span> spans = spans(starts, times, scores, videoSeconds);
        return splitLong(spans, times, videoSeconds, maxScenes);
    }

    /** Removes the cut before or after each too-short shot (the weaker one), shortest shot first. */
    private static void mergeShort(List<Integer> starts, double[] times, double[] scores, double videoSeconds, double min) {
        while (starts.size() > 1) {
            int shortest = -1;
            double shortestSeconds = Double.MAX_VALUE;
            for (int s = 0; s < starts.size(); s++) {
                double seconds = end(starts, s, times, videoSeconds) - times[starts.get(s)];
                if (seconds < min - 1e-9 && seconds < shortestSeconds) {
                    shortest = s;
                    shortestSeconds = seconds;
                }
            }
            if (shortest < 0) {
                return;
            }
            // the cut at its start (index shortest) or at its end (index shortest + 1); the first scene's start is no cut
            boolean hasBefore = shortest > 0;
            boolean hasAfter = shortest + 1 < starts.size();
            int remove;
            if (hasBefore && hasAfter) {
                remove = scores[starts.get(shortest)] <= scores[starts.get(shortest + 1)] ? shortest : shortest + 1;
            } else {
                remove = hasBefore ? shortest : shortest + 1;
            }
            starts.remove(remove);
        }
    }

    private static int weakest(List<Integer> starts, double[] scores, int from, int to) {
        int weakest = from;
        for (int s = from; s <= to; s++) {
            if (scores[starts.get(s)] < scores[starts.get(weakest)]) {
                weakest = s;
            }
        }
        return weakest;
    }

    private static double end(List<Integer> starts, int s, double[] times, double videoSeconds) {
        return s + 1 < starts.size() ? times[starts.get(s + 1)] : videoSeconds;
    }

    private static List<Span> spans(List<Integer> starts, double[] times, double[] scores, double videoSeconds) {
        List<Span> spans = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int first = starts.get(s);
            int endFrame = s + 1 < starts.size() ? starts.get(s + 1) : times.length;
            double start = s == 0 ? 0 : round(times[first]);
            double end = s + 1 < starts.size() ? round(times[endFrame]) : round(videoSeconds);
            spans.add(new Span(start, end, first, endFrame, s == 0 ? 0 : scores[first]));
        }
        return spans;
    }

    /** Scenes longer than a storyboard allows, cut evenly at frame boundaries. */
    private static List<Span> splitLong(List<Span> spans, double[] times, double videoSeconds, int maxScenes) {
        List<Span> out = new ArrayList<>();
        for (Span span : spans) {
            int parts = (int) Math.ceil(span.seconds() / StoryboardReader.MAX_SCENE_SECONDS - 1e-9);
            if (parts <= 1) {
                out.add(span);
                continue;
            }
            int frames = span.endFrame() - span.firstFrame();
            int from = span.firstFrame();
            double start = span.start();
            for (int p = 1; p <= parts; p++) {
                int to = p == parts ? span.endFrame() : span.firstFrame() + (int) Math.round((double) frames * p / parts);
                double end = p == parts ? span.end() : round(times[to]);
                out.add(new Span(start, end, from, to, p == 1 ? span.cutScore() : 0));
                from = to;
                start = end;
            }
        }
        if (out.size() <= maxScenes) {
            return out;
        }
        int needed = (int) Math.ceil(videoSeconds / StoryboardReader.MAX_SCENE_SECONDS - 1e-9);
        if (needed > maxScenes) {
            throw new InvalidFields(List.of(new FieldError("auto_storyboard.max_scenes", String.format(Locale.ROOT,
                    "the video is %.1f s long and a scene is at most %d s: allow at least %d scenes, got %d", videoSeconds,
                    (int) StoryboardReader.MAX_SCENE_SECONDS, needed, maxScenes))));
        }
        // the cuts kept would need more splits than scenes allowed: the whole video in even parts instead
        Span whole = new Span(0, round(videoSeconds), 0, times.length, 0);
        return splitLong(List.of(whole), times, videoSeconds, maxScenes);
    }

    /** Seconds to the microsecond: boundaries are frame times, and the durations made of them add up exactly. */
    static double round(double seconds) {
        return Math.round(seconds * 1_000_000d) / 1_000_000d;
    }
}
