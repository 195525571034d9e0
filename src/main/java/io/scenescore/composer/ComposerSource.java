package io.scenescore.composer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.Scene;
import io.scenescore.media.RawAudio;
import io.scenescore.run.Run;
import io.scenescore.run.RunPlan;
import io.scenescore.run.SceneSegment;
import io.scenescore.run.SceneWork;

/**
 * The composer as a music source: composes a scene from its words, continuing the key, tempo and motif the
 * previous composed scene left in the score sheet, seeded by the run's seed (or by the job, when none).
 */
public final class ComposerSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SceneComposer composer = new SceneComposer();

    /** Composes the scene into its scratch file; the work item gets the piece and the context the next scene continues. */
    public SceneWork compose(SceneWork work, Run run) throws IOException {
        Scene scene = work.scene();
        Path out = run.plan().scratchFile(scene.index(), "composer.wav");
        String previousJson = run.previous(work.index()).map(SceneSegment::musicalContext).orElse(null);
        MusicalContext previous = previousJson == null ? null : JSON.readValue(previousJson, MusicalContext.class);
        String words = join(scene.prompt(), run.params().prompt());
        ComposerScene input = new ComposerScene(scene.index(), scene.title(), scene.description(), scene.musicDescription(),
                scene.musicStyle(), scene.musicEnergy(), words);
        MusicalContext next = composer.compose(input, work.pieceSeconds(), seed(run.plan()), previous, out);
        return work.made(RawAudio.of(out)).composed(next == null ? null : JSON.writeValueAsString(next));
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
