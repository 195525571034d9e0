package io.scenescore.composer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import io.scenescore.run.RunPlan;
import io.scenescore.run.Scene;
import io.scenescore.run.SceneSegment;
import io.scenescore.run.ScoreSheet;

/**
 * The composer as a music source: composes a scene from its words, continuing the key, tempo and motif the
 * previous composed scene left in the score sheet, seeded by the run's seed (or by the job, when none).
 */
public final class ComposerSource {

    private final SceneComposer composer = new SceneComposer();

    public MusicalContext compose(Scene scene, double seconds, RunPlan plan, ScoreSheet sheet, Path out) throws IOException {
        MusicalContext previous = sheet.previous().map(SceneSegment::musicalContext).orElse(null);
        String words = join(scene.prompt(), plan.params().prompt());
        ComposerScene input = new ComposerScene(scene.index(), scene.title(), scene.description(), scene.musicDescription(),
                scene.musicStyle(), scene.musicEnergy(), words);
        return composer.compose(input, seconds, seed(plan), previous, out);
    }

    static long seed(RunPlan plan) {
        if (plan.params().seed() != null) {
            return plan.params().seed();
        }
        return UUID.nameUUIDFromBytes(plan.jobId().getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + ", " + b;
    }
}
