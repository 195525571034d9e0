package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.media.MediaToolFailure;
import io.scenescore.media.WavLength;
import io.scenescore.support.MediaProbe;

/** The length of a WAV read from its header agrees with ffprobe, to the sample. */
class WavLengthTest {

    @Test
    void aWavWrittenByFfmpegLastsWhatItsHeaderSays(@TempDir Path tmp) throws Exception {
        Path wav = tmp.resolve("x.wav");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "sine=f=440:r=44100", "-af", "atrim=end_sample=132301", "-ac", "2", "-c:a", "pcm_s16le", wav.toString());

        double seconds = new WavLength().seconds(wav);

        assertThat(seconds).isCloseTo(132301 / 44100.0, within(1e-9));
        assertThat(seconds).isCloseTo(MediaProbe.duration(wav), within(1e-4));
    }

    @Test
    void somethingElseIsRefused(@TempDir Path tmp) throws Exception {
        Path notWav = Files.writeString(tmp.resolve("x.wav"), "ID3 not a wave at all");

        assertThatThrownBy(() -> new WavLength().seconds(notWav)).isInstanceOf(MediaToolFailure.class).hasMessageContaining("not a WAV");
    }
}
