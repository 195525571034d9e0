package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContrastingScenesTest {

    private static final ComposerScene CALM = new ComposerScene(0, "Dawn", "calm sunrise over a quiet lake",
            "gentle strings", "cinematic", "low", null);
    private static final ComposerScene ACTION = new ComposerScene(0, "Chase", "tense action chase on the rooftops",
            "driving percussion", "cinematic", "high", null);

    private final SceneComposer composer = new SceneComposer();

    @TempDir
    Path dir;

    @Test
    void highEnergyActionSceneIsFasterBrighterAndLouderThanCalmLowEnergyScene() throws Exception {
        Path calmWav = dir.resolve("calm.wav");
        Path actionWav = dir.resolve("action.wav");

        MusicalContext calm = composer.compose(CALM, 10.0, 11L, null, calmWav);
        MusicalContext action = composer.compose(ACTION, 10.0, 11L, null, actionWav);

        assertThat(action.tempoBpm() - calm.tempoBpm()).isGreaterThanOrEqualTo(50);
        assertThat(calm.minor()).isFalse();
        assertThat(action.minor()).isTrue();

        RenderedWav calmAudio = RenderedWav.read(calmWav);
        RenderedWav actionAudio = RenderedWav.read(actionWav);
        assertThat(actionAudio.spectralCentroidHz()).isGreaterThan(1.4 * calmAudio.spectralCentroidHz());
        assertThat(actionAudio.rmsDbfs()).isGreaterThan(calmAudio.rmsDbfs() + 3);
    }
}
