package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continuity through the public API: the context one scene returns steers the next. */
class SceneContinuityTest {

    private final SceneComposer composer = new SceneComposer();

    @TempDir
    Path dir;

    @Test
    void sceneWithTheSameMoodKeepsKeyTempoAndMotif() throws Exception {
        ComposerScene first = new ComposerScene(0, "Harbour", "calm sunrise over a quiet harbour", "warm strings",
                "cinematic", "low", null);
        ComposerScene second = new ComposerScene(1, "Boats", "gentle boats drifting in the calm morning",
                "soft strings", "cinematic", "low", null);

        MusicalContext opening = composer.compose(first, 3.0, 8L, null, dir.resolve("0.wav"));
        MusicalContext next = composer.compose(second, 3.0, 8L, opening, dir.resolve("1.wav"));

        assertThat(next.keyRoot()).isEqualTo(opening.keyRoot());
        assertThat(next.minor()).isEqualTo(opening.minor());
        assertThat(next.tempoBpm()).isEqualTo(opening.tempoBpm());
        assertThat(next.motif()).isEqualTo(opening.motif());
    }

    @Test
    void moodChangeMovesToARelatedKeyAndStepsTheTempoByABoundedAmount() throws Exception {
        ComposerScene calm = new ComposerScene(0, "Harbour", "calm sunrise over a quiet harbour", "warm strings",
                "cinematic", "low", null);
        ComposerScene chase = new ComposerScene(1, "Chase", "a tense chase through dark alleys",
                "driving percussion", "cinematic", "high", null);

        MusicalContext opening = composer.compose(calm, 3.0, 8L, null, dir.resolve("0.wav"));
        MusicalContext next = composer.compose(chase, 3.0, 8L, opening, dir.resolve("1.wav"));

        assertThat(next.minor()).isTrue();
        assertThat(next.keyRoot())
                .as("relative minor of the opening key")
                .isEqualTo(Math.floorMod(opening.keyRoot() - 3, 12));
        assertThat(next.tempoBpm()).isGreaterThan(opening.tempoBpm());
        assertThat(next.tempoBpm() / opening.tempoBpm()).isLessThanOrEqualTo(ScenePlanner.MAX_TEMPO_STEP);
        assertThat(next.motif()).hasSameSizeAs(opening.motif());
    }

    @Test
    void chainOfScenesOnlyEverMovesToClosesRelatedKeysWithBoundedTempoSteps() throws Exception {
        ComposerScene[] story = {
            new ComposerScene(0, "Dawn", "sunrise over the valley", null, "orchestral", "low", null),
            new ComposerScene(1, "Ride", "heroic ride across the plains", null, "orchestral", "high", null),
            new ComposerScene(2, "Ambush", "a sudden ambush, danger everywhere", null, "orchestral", "high", null),
            new ComposerScene(3, "Loss", "sad farewell to a fallen friend", null, "orchestral", "low", null),
            new ComposerScene(4, "Victory", "triumphant victory celebration", null, "orchestral", "high", null),
        };
        MusicalContext previous = null;
        for (ComposerScene scene : story) {
            MusicalContext next = composer.compose(scene, 2.0, 77L, previous, dir.resolve(scene.index() + ".wav"));
            if (previous != null) {
                int move = Math.floorMod(next.keyRoot() - previous.keyRoot(), 12);
                assertThat(move).as("key move in semitones").isIn(Set.of(0, 3, 5, 7, 9));
                double ratio = next.tempoBpm() / previous.tempoBpm();
                assertThat(ratio).isBetween(1 / ScenePlanner.MAX_TEMPO_STEP - 1e-9,
                        ScenePlanner.MAX_TEMPO_STEP + 1e-9);
            }
            previous = next;
        }
    }
}
