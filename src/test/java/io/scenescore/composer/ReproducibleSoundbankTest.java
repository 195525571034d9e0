package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.media.sound.ModelByteBuffer;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReproducibleSoundbankTest {

    @TempDir
    Path dir;

    @Test
    void buildsExactlyTheSameSamplesEveryTime() throws Exception {
        // the JDK's own generator draws phases from Math.random(), so two plain builds differ
        SF2Soundbank first = ReproducibleSoundbank.create();
        SF2Soundbank second = ReproducibleSoundbank.create();

        SF2Sample[] a = first.getSamples();
        SF2Sample[] b = second.getSamples();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.length; i++) {
            assertThat(bytes(b[i])).as(a[i].getName()).isEqualTo(bytes(a[i]));
        }
    }

    @Test
    void aToneWhoseWaveIsSilentWhereItsFadeEndsIsReplacedAsAnyOther() {
        // the JDK's phases are random: sometimes its wave is near zero where the 200-sample fade ends
        double[] wave = new double[4096];
        for (int j = 0; j < wave.length; j++) {
            wave[j] = 0.5 * Math.sin(2 * Math.PI * 8 * j / wave.length);
        }
        double[] quietAtTheFadesEnd = wave.clone();
        Arrays.fill(quietAtTheFadesEnd, 150, 200, 0);

        SF2Sample usual = loopedTone(wave, 200);
        SF2Sample quiet = loopedTone(quietAtTheFadesEnd, 200);
        assertThat(ReproducibleSoundbank.fadeUpLength(shorts(quiet), 4096)).isEqualTo(200);
        ReproducibleSoundbank.replaceLoopedTone(usual, 3);
        ReproducibleSoundbank.replaceLoopedTone(quiet, 3);

        assertThat(bytes(quiet)).isEqualTo(bytes(usual));
    }

    @ParameterizedTest(name = "program {0}")
    @ValueSource(ints = {0, 4, 24, 32, 40, 48, 56, 60, 65, 68, 71, 73})
    void replacedTonesStillPlayInTune(int program) throws Exception {
        List<MidiTimeline.TimedMessage> messages = List.of(
                new MidiTimeline.TimedMessage(0, new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0)),
                new MidiTimeline.TimedMessage(1, new ShortMessage(ShortMessage.NOTE_ON, 0, 69, 100)));

        float[] audio = new GervillRenderer().render(messages, 44100);
        Path wav = dir.resolve("a4.wav");
        PcmWavWriter.write(wav, audio, 2, 44100);

        assertThat(RenderedWav.read(wav).dominantFrequencyHz(600)).isCloseTo(440, within(3.0));
    }

    /** A looped tone as EmergencySoundbank.newSimpleFFTSample lays it out: 256 lead-in, one period, 256 tail. */
    private static SF2Sample loopedTone(double[] period, int fadeUp) {
        int n = period.length;
        byte[] data = new byte[(n + 512) * 2];
        for (int i = 0; i < n + 512; i++) {
            double value = period[i % n] * (i < fadeUp ? i / (double) fadeUp : 1);
            int v = (int) Math.round(value * 32767);
            data[2 * i] = (byte) v;
            data[2 * i + 1] = (byte) (v >> 8);
        }
        SF2Sample sample = new SF2Sample();
        sample.setName("Grand Piano");
        sample.setData(data);
        sample.setStartLoop(256);
        sample.setEndLoop(n + 256);
        sample.setOriginalPitch(60);
        return sample;
    }

    private static short[] shorts(SF2Sample sample) {
        byte[] b = bytes(sample);
        short[] pcm = new short[b.length / 2];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
        }
        return pcm;
    }

    private static byte[] bytes(SF2Sample sample) {
        ModelByteBuffer buffer = sample.getDataBuffer();
        byte[] out = new byte[(int) buffer.capacity()];
        System.arraycopy(buffer.array(), (int) buffer.arrayOffset(), out, 0, out.length);
        return out;
    }
}
