package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.fake.WavAudio;
import io.scenescore.media.PcmSceneFit;
import io.scenescore.media.RawAudio;

/**
 * A scene's segment cut on its PCM without FFmpeg: windows cut off the front of each piece, pieces played in turn,
 * cut or padded with silence to the scene's length to the sample, at the pieces' own rate; what is not 16-bit PCM is
 * left to FFmpeg.
 */
class PcmSceneFitTest {

    private final PcmSceneFit fit = new PcmSceneFit();

    /** {@code seconds} of stereo 16-bit at {@code rate}, every sample of frame i being {@code value(i)}. */
    private static Path wav(Path dir, String name, int rate, double seconds, short value) throws Exception {
        int frames = (int) Math.round(seconds * rate);
        short[] samples = new short[frames * 2];
        java.util.Arrays.fill(samples, value);
        Path file = dir.resolve(name);
        Files.write(file, new WavAudio(rate, 2, samples).toWavBytes());
        return file;
    }

    private static WavAudio read(Path file) throws Exception {
        return WavAudio.parse(Files.readAllBytes(file));
    }

    @Test
    void aPieceLongerThanTheSceneIsCutToItsLengthToTheSample(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("scene.wav");

        assertThat(fit.fit(RawAudio.of(wav(dir, "raw.wav", 32000, 9, (short) 100)), 7.123456, out)).isTrue();

        WavAudio segment = read(out);
        assertThat(segment.sampleRate()).isEqualTo(32000);
        assertThat(segment.frames()).isEqualTo(Math.round(7.123456 * 32000));
    }

    @Test
    void chainedPiecesHaveTheirWindowsCutThenPlayInTurnAndSilencePadsTheEnd(@TempDir Path dir) throws Exception {
        Path first = wav(dir, "p0.wav", 32000, 3, (short) 100);
        Path second = wav(dir, "p1.wav", 32000, 3, (short) 200);
        Path out = dir.resolve("scene.wav");

        // 3 s of the first, then 3 - 2 s of the second (its 2 s window cut off), then silence to 5 s
        assertThat(fit.fit(new RawAudio(List.of(first, second), List.of(0, 2)), 5, out)).isTrue();

        WavAudio segment = read(out);
        assertThat(segment.frames()).isEqualTo(5 * 32000);
        short[] s = segment.samples();
        assertThat(s[2 * (3 * 32000 - 1)]).isEqualTo((short) 100);
        assertThat(s[2 * (3 * 32000)]).isEqualTo((short) 200);
        assertThat(s[2 * (4 * 32000 - 1)]).isEqualTo((short) 200);
        assertThat(s[2 * (4 * 32000)]).isZero();
        assertThat(s[s.length - 1]).isZero();
    }

    @Test
    void silenceIsWrittenAt44100Stereo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("scene.wav");

        assertThat(fit.fit(RawAudio.silence(), 3, out)).isTrue();

        WavAudio segment = read(out);
        assertThat(segment.sampleRate()).isEqualTo(44100);
        assertThat(segment.channels()).isEqualTo(2);
        assertThat(segment.frames()).isEqualTo(3 * 44100);
    }

    @Test
    void whatIsNotSixteenBitPcmOrDiffersInFormatIsLeftToFfmpeg(@TempDir Path dir) throws Exception {
        Path mp3 = dir.resolve("raw.mp3");
        Files.write(mp3, new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 0, 0});
        Path out = dir.resolve("scene.wav");

        assertThat(fit.fit(RawAudio.of(mp3), 2, out)).isFalse();
        assertThat(fit.fit(new RawAudio(List.of(wav(dir, "a.wav", 32000, 1, (short) 1), wav(dir, "b.wav", 44100, 1, (short) 1)),
                List.of(0, 0)), 2, out)).isFalse();
        assertThat(out).doesNotExist();
    }

    @Test
    void aContinuationWindowIsTheSegmentsLastSecondsMixedToMonoAt32k(@TempDir Path dir) throws Exception {
        int rate = 32000;
        short[] samples = new short[5 * rate * 2];
        for (int f = 0; f < 5 * rate; f++) {
            samples[2 * f] = (short) (f < 3 * rate ? 0 : 100);
            samples[2 * f + 1] = (short) (f < 3 * rate ? 0 : 300);
        }
        Path segment = dir.resolve("scene-000.wav");
        Files.write(segment, new WavAudio(rate, 2, samples).toWavBytes());
        Path window = dir.resolve("window.wav");

        assertThat(fit.window(segment, 2, window)).isTrue();

        WavAudio cut = read(window);
        assertThat(cut.sampleRate()).isEqualTo(32000);
        assertThat(cut.channels()).isEqualTo(1);
        assertThat(cut.frames()).isEqualTo(2 * rate);
        assertThat(cut.samples()).containsOnly((short) 200);
        // another rate is left to FFmpeg
        assertThat(fit.window(wav(dir, "b.wav", 44100, 3, (short) 1), 2, dir.resolve("w2.wav"))).isFalse();
    }
}
