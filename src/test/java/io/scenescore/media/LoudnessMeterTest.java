package io.scenescore.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.composer.ComposerScene;
import io.scenescore.composer.SceneComposer;
import io.scenescore.support.MediaProbe;

/**
 * The Java meter against FFmpeg's ebur128 (with true peak), on the same 16-bit samples: composed music, MusicGen's
 * rate and a mono source, a quiet stretch before a loud one (a loudness range), a peak between the samples, silence.
 */
class LoudnessMeterTest {

    /** Composed music, as the composer writes it (44.1 kHz stereo). */
    @Test
    void agreesWithFfmpegOnComposedMusic(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("scene.wav");
        new SceneComposer().compose(new ComposerScene(0, "Market", "a busy happy market at noon", "playful flute and guitar",
                "acoustic", "medium", null), 12, 7, null, wav);
        PcmSceneFit.PcmWav format = PcmSceneFit.read(wav);
        byte[] bytes = Files.readAllBytes(wav);
        short[] samples = shorts(bytes, (int) format.dataOffset(), (int) format.dataBytes());

        assertAgree(measure(samples, format.rate(), format.channels()), ffmpeg(wav));
    }

    @Test
    void agreesWithFfmpegAtMusicGensRateInMonoWithAQuietStretchBeforeALoudOne(@TempDir Path dir) throws Exception {
        // commas escaped: the expression is a filter argument
        String signal = "(if(lt(t\\,6)\\,0.03\\,0.35)*sin(2*PI*440*t)+0.1*sin(2*PI*3520*t)*(0.5+0.5*sin(2*PI*0.3*t))+0.04*(random(0)-0.5))";
        Path raw = generate(dir, signal, 32000, 1, 16);
        LoudnessMeasure java = measure(shorts(Files.readAllBytes(raw), 0, (int) Files.size(raw)), 32000, 1);
        LoudnessMeasure ffmpeg = ffmpeg(raw, 32000, 1);

        assertAgree(java, ffmpeg);
        assertThat(java.range()).as("the quiet stretch gives a range").isGreaterThan(10);
    }

    @Test
    void findsThePeakBetweenTheSamples(@TempDir Path dir) throws Exception {
        // a quarter of the rate at 45 degrees: every sample at 0.707 of the wave's peak (0.9: -0.92 dBTP)
        Path raw = generate(dir, "0.9*sin(2*PI*8000*t+PI/4)|0.5*sin(2*PI*300*t)", 32000, 2, 5);
        short[] samples = shorts(Files.readAllBytes(raw), 0, (int) Files.size(raw));
        LoudnessMeasure java = measure(samples, 32000, 2);

        assertThat(java.truePeak()).isCloseTo(20 * Math.log10(0.9), within(0.15));
        // FFmpeg's meter reads 0.6 dB more here: its resamplers ring at the wave's abrupt start
        assertThat(java.integrated()).isCloseTo(ffmpeg(raw, 32000, 2).integrated(), within(0.1));
    }

    /**
     * Clipped, near-Nyquist samples whose peaks between them pass their neighbours by far more than 6 dB, and a
     * peak in the last samples: the meter finds the same true peak as plain 4x oversampling of the whole signal.
     */
    @Test
    void itsTruePeakIsPlainOversamplingsEvenWherePeaksBetweenSamplesPassTheirNeighboursByFar() {
        short[] window = {0, 0, -20929, 0, -32767, -18412, 0, 0, 0, -13771, 21744, 6724, 0, 0, 0, 27449, 0, 0, 0, -32767,
                32767, -32767, 18886, 15944, -32767, 32767, -32767, 22721, -2247, -2241};
        java.util.Random random = new java.util.Random(12);
        for (int round = 0; round < 20; round++) {
            short[] samples = new short[window.length + 20 + round];
            if (round == 0) {
                System.arraycopy(window, 0, samples, 0, window.length);
            } else {
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = random.nextInt(3) == 0 ? 0 : (short) (random.nextBoolean() ? 32767 : -32767);
                }
            }
            // ends loud: the last samples' peaks need the signal's end
            samples[samples.length - 1] = (short) (round % 2 == 0 ? 32767 : -32767);
            LoudnessMeter meter = new LoudnessMeter(32000, 1);
            meter.add(samples, 0, samples.length);

            assertThat(meter.measure().truePeak()).as("round %d", round)
                    .isCloseTo(oversampledPeakDb(samples), within(0.006));
        }
    }

    /** The whole signal zero-stuffed to four times the rate and through a 49-tap Hann-windowed sinc, end to end. */
    private static double oversampledPeakDb(short[] samples) {
        int taps = 49;
        double[] h = new double[taps];
        for (int j = 0; j < taps; j++) {
            double m = (j - (taps - 1) / 2.0) * Math.PI / 4;
            h[j] = (m == 0 ? 1 : Math.sin(m) / m) * 0.5 * (1 - Math.cos(2 * Math.PI * j / (taps - 1)));
        }
        double[] up = new double[samples.length * 4 + taps];
        for (int i = 0; i < samples.length; i++) {
            up[i * 4] = samples[i] / 32768.0;
        }
        double peak = 0;
        for (int n = 0; n < up.length; n++) {
            double sum = 0;
            for (int j = 0; j < taps && j <= n; j++) {
                sum += h[j] * up[n - j];
            }
            peak = Math.max(peak, Math.abs(sum));
        }
        return 20 * Math.log10(peak);
    }

    @Test
    void silenceHasNoLoudnessAndNoPeak() {
        LoudnessMeasure silence = measure(new short[44100 * 2 * 3], 44100, 2);

        assertThat(silence.integrated()).isNull();
        assertThat(silence.truePeak()).isNull();
        assertThat(silence.audible()).isFalse();
    }

    @Test
    void underFourHundredMillisecondsThereIsNoBlockToMeasure() {
        short[] samples = new short[32000 / 10 * 3];
        java.util.Arrays.fill(samples, (short) 8000);

        assertThat(measure(samples, 32000, 1).integrated()).isNull();
    }

    private static void assertAgree(LoudnessMeasure java, LoudnessMeasure ffmpeg) {
        assertThat(java.integrated()).as("integrated, FFmpeg %s", ffmpeg).isCloseTo(ffmpeg.integrated(), within(0.1));
        assertThat(java.truePeak()).as("true peak, FFmpeg %s", ffmpeg).isCloseTo(ffmpeg.truePeak(), within(0.15));
        assertThat(java.range()).as("range, FFmpeg %s", ffmpeg).isCloseTo(ffmpeg.range(), within(0.2));
    }

    /** Fed in uneven chunks, as a join writes. */
    private static LoudnessMeasure measure(short[] samples, int rate, int channels) {
        LoudnessMeter meter = new LoudnessMeter(rate, channels);
        int frames = samples.length / channels;
        int at = 0;
        int chunk = 1;
        while (at < frames) {
            int n = Math.min(chunk, frames - at);
            meter.add(samples, at * channels, n);
            at += n;
            chunk = chunk * 3 % 5001 + 1;
        }
        return meter.measure();
    }

    private static Path generate(Path dir, String expression, int rate, int channels, double seconds) throws Exception {
        Path raw = dir.resolve("signal.raw");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "aevalsrc=" + expression + ":s=" + rate + ":d=" + seconds,
                "-ac", String.valueOf(channels), "-f", "s16le", "-c:a", "pcm_s16le", raw.toString());
        return raw;
    }

    private static LoudnessMeasure ffmpeg(Path raw, int rate, int channels) throws Exception {
        return MediaProbe.meter("-f", "s16le", "-ar", String.valueOf(rate), "-ac", String.valueOf(channels), "-i", raw.toString());
    }

    private static LoudnessMeasure ffmpeg(Path wav) throws Exception {
        return MediaProbe.meter("-i", wav.toString());
    }

    private static short[] shorts(byte[] bytes, int offset, int length) {
        short[] samples = new short[length / 2];
        ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }
}
