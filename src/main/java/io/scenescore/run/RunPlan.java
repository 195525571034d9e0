package io.scenescore.run;

import java.nio.file.Path;
import java.util.List;

import io.scenescore.job.AudioParams;
import io.scenescore.job.Scene;

/**
 * What one run of a job does: its scenes in order, its parameters, its music source and its scratch folder; and,
 * when it regenerates some scenes, which ones (null: a full run; the others' stored pieces are reused).
 */
public record RunPlan(String jobId, List<Scene> scenes, AudioParams params, String provider, Path workDir,
                      List<Integer> regenerated) {

    public RunPlan(String jobId, List<Scene> scenes, AudioParams params, String provider, Path workDir) {
        this(jobId, scenes, params, provider, workDir, null);
    }

    public double totalSeconds() {
        return scenes.stream().mapToDouble(Scene::duration).sum();
    }

    /**
     * How long scene's piece is made: its own length, and for a crossfade the fade on top (but for the last
     * scene), since each join overlaps two pieces by that much and the soundtrack must still last the sum.
     */
    public double pieceSeconds(Scene scene) {
        boolean overlapsNext = "crossfade".equals(params.transition()) && scene.index() < scenes.size() - 1;
        return scene.duration() + (overlapsNext ? params.fadeDuration() : 0);
    }

    /** Where scene {@code index}'s stored segment (a 16-bit PCM WAV) is kept while the run needs it. */
    public Path segmentFile(int index) {
        return workDir.resolve(String.format("scene-%03d.wav", index));
    }

    /** Where a segment an earlier version stored as FLAC (before segments were cut on PCM) is kept. */
    public Path flacSegmentFile(int index) {
        return workDir.resolve(String.format("scene-%03d.flac", index));
    }

    /** A scratch file of scene {@code index}'s, named for what a step makes (e.g. "composer.wav"). */
    public Path scratchFile(int index, String name) {
        return workDir.resolve(String.format("scene-%03d-%s", index, name));
    }

    public Path joinedFile() {
        return workDir.resolve("soundtrack-joined.wav");
    }

    /** The uncompressed audio of the merged video (the music mixed under the video's own sound), before mastering. */
    public Path videoMixFile() {
        return workDir.resolve("video-mix.wav");
    }

    /** The music's gain under the video's own sound (mix duck). */
    public Path duckEnvelopeFile() {
        return workDir.resolve("video-duck-envelope.wav");
    }

    /** The deliverable, mastered from the joined WAV: an MP3, or a WAV of its own. */
    public Path soundtrackFile() {
        return workDir.resolve("wav".equals(params.outputFormat()) ? "soundtrack.wav" : "soundtrack.mp3");
    }
}
