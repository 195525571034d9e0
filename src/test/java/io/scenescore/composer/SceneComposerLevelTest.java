package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SceneComposerLevelTest {

    private final SceneComposer composer = new SceneComposer();

    @TempDir
    Path dir;

    static Stream<Arguments> contrastingScenes() {
        return Stream.of(
                Arguments.of(new ComposerScene(0, "Dawn", "calm sunrise over a quiet harbour", "warm strings",
                        "cinematic", "low", null)),
                Arguments.of(new ComposerScene(1, "Chase", "a tense chase through dark alleys",
                        "driving percussion", "cinematic", "high", null)),
                Arguments.of(new ComposerScene(2, "Goodbye", "sad rainy goodbye at the station", "solo piano",
                        "piano", "low", null)),
                Arguments.of(new ComposerScene(3, "Finale", "triumphant finale, the heroes celebrate",
                        "full orchestra with brass", "orchestral", "high", null)));
    }

    @ParameterizedTest
    @MethodSource("contrastingScenes")
    void sceneIsLouderThanMinus35DbfsAndDoesNotClip(ComposerScene scene) throws Exception {
        Path wav = dir.resolve("scene-" + scene.index() + ".wav");

        composer.compose(scene, 8.0, 42L, null, wav);

        RenderedWav rendered = RenderedWav.read(wav);
        assertThat(rendered.rmsDbfs()).isGreaterThan(-35.0).isLessThan(-10.0);
        assertThat(rendered.clippedFraction()).isLessThan(0.0001);
    }
}
