package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SceneComposerLengthTest {

    private final SceneComposer composer = new SceneComposer();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 3.0, 7.3, 0.0113, 12.34567})
    void writesExactlyRoundedDurationTimesSampleRateFrames(double seconds) throws Exception {
        Path wav = dir.resolve("scene.wav");
        ComposerScene scene = new ComposerScene(0, "Opening", "sunrise over a quiet harbour", "warm strings",
                "cinematic", "low", null);

        composer.compose(scene, seconds, 7L, null, wav);

        long expectedFrames = Math.round(seconds * 44100);
        RenderedWav rendered = RenderedWav.read(wav);
        assertThat(rendered.frames()).isEqualTo(expectedFrames);
        assertThat(rendered.samples()).hasSize((int) (expectedFrames * 2));
        assertThat(Files.size(wav)).isEqualTo(44 + expectedFrames * 4);
    }

    @Test
    void writesSixteenBitStereoPcmAt44100Hz() throws Exception {
        Path wav = dir.resolve("format.wav");

        composer.compose(new ComposerScene(0, null, "a walk in the park", null, null, null, null), 1.0, 1L, null, wav);

        AudioFormat format = RenderedWav.read(wav).format();
        assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(format.getSampleRate()).isEqualTo(44100f);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(format.getChannels()).isEqualTo(2);
        assertThat(format.isBigEndian()).isFalse();
    }

    @Test
    void createsMissingFoldersAndLeavesNoTemporaryFileBehind() throws Exception {
        Path wav = dir.resolve("run/segments/scene-0.wav");

        composer.compose(new ComposerScene(0, null, "a walk", null, null, null, null), 0.5, 1L, null, wav);

        assertThat(wav).exists();
        try (var files = Files.list(wav.getParent())) {
            assertThat(files).containsExactly(wav);
        }
    }

    @Test
    void rejectsADurationThatIsNotPositiveNamingTheScene() {
        ComposerScene scene = new ComposerScene(3, null, "rain", null, null, null, null);

        assertThatThrownBy(() -> composer.compose(scene, 0, 1L, null, dir.resolve("x.wav")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scene 3")
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> composer.compose(scene, Double.NaN, 1L, null, dir.resolve("x.wav")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
