package io.scenescore.run;

import java.nio.file.Path;
import java.util.List;

/** What one run of a job does: its scenes in order, its parameters, its music source and its scratch folder. */
public record RunPlan(String jobId, List<Scene> scenes, AudioParams params, String provider, Path workDir) {

    public double totalSeconds() {
        return scenes.stream().mapToDouble(Scene::duration).sum();
    }

    /** Where scene {@code index}'s stored segment is kept while the run needs it. */
    public Path segmentFile(int index) {
        return workDir.resolve(String.format("scene-%03d.flac", index));
    }

    public Path joinedFile() {
        return workDir.resolve("soundtrack-joined.wav");
    }

    public Path soundtrackFile() {
        return workDir.resolve("soundtrack." + params.outputFormat());
    }
}
