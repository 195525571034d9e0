package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.media.sound.ModelByteBuffer;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;
import java.nio.file.Path;
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

    private static byte[] bytes(SF2Sample sample) {
        ModelByteBuffer buffer = sample.getDataBuffer();
        byte[] out = new byte[(int) buffer.capacity()];
        System.arraycopy(buffer.array(), (int) buffer.arrayOffset(), out, 0, out.length);
        return out;
    }
}
