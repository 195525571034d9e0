package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MasteringTest {

    @Test
    void bringsAQuietSignalToTheTargetLevel() {
        float[] samples = tone(0.01f, 44100 * 4);

        Mastering.apply(samples, 2, 44100, 0.5);

        double rms = rms(samples, 44100, 44100); // the second second: past the fade-in, before the fade-out
        assertThat(20 * Math.log10(rms)).isCloseTo(Mastering.targetDbfs(0.5), within(0.5));
    }

    @Test
    void limiterNeverLetsASamplePastTheCeiling() {
        float[] samples = tone(3.0f, 44100);

        Mastering.apply(samples, 2, 44100, 1.0);

        for (float s : samples) {
            assertThat(Math.abs(s)).isLessThanOrEqualTo((float) Mastering.CEILING);
        }
        assertThat(Mastering.limit(0.5)).isEqualTo(0.5);
        assertThat(Mastering.limit(0.9)).isBetween(0.8, 0.9);
        assertThat(Mastering.limit(-100)).isGreaterThanOrEqualTo(-Mastering.CEILING);
    }

    @Test
    void fadesInFromAndOutToSilence() {
        float[] samples = tone(0.2f, 44100 * 4);

        Mastering.apply(samples, 2, 44100, 0.5);

        assertThat(samples[0]).isEqualTo(0f);
        assertThat(samples[samples.length - 1]).isCloseTo(0f, within(1e-6f));
        assertThat(samples[samples.length - 2]).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void silenceStaysSilent() {
        float[] samples = new float[1000];

        Mastering.apply(samples, 2, 44100, 0.5);

        assertThat(samples).containsOnly(0f);
    }

    private static float[] tone(float amplitude, int frames) {
        float[] samples = new float[frames * 2];
        for (int i = 0; i < frames; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * 440 * i / 44100.0));
            samples[2 * i] = v;
            samples[2 * i + 1] = v;
        }
        return samples;
    }

    private static double rms(float[] samples, int fromFrame, int frames) {
        double sum = 0;
        for (int i = fromFrame * 2; i < (fromFrame + frames) * 2 && i < samples.length; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / (frames * 2));
    }
}
