package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.media.DuckEnvelope;
import io.scenescore.media.DuckEnvelope.Span;

/** Where the video has sound, from silencedetect's log; and the music's gain around it: down before, back within 1 s. */
class DuckEnvelopeTest {

    private static double db(double gain) {
        return 20 * Math.log10(gain);
    }

    @Test
    void soundIsBetweenTheEndOfOneSilenceAndTheStartOfTheNext() {
        String log = """
                [silencedetect @ 0x1] silence_start: 0
                [silencedetect @ 0x1] silence_end: 3 | silence_duration: 3
                [silencedetect @ 0x1] silence_start: 5.89092
                [silencedetect @ 0x1] silence_end: 9.004 | silence_duration: 3.11
                [silencedetect @ 0x1] silence_start: 11.2
                [silencedetect @ 0x1] silence_end: 14 | silence_duration: 2.8
                """;

        assertThat(DuckEnvelope.sounds(log, 14)).containsExactly(new Span(3, 5.89092), new Span(9.004, 11.2));
    }

    @Test
    void aTrackThatStartsOrEndsLoudHasSoundFromItsStartOrToItsEnd() {
        assertThat(DuckEnvelope.sounds("silence_start: 2.5\nsilence_end: 4 | silence_duration: 1.5\n", 6))
                .containsExactly(new Span(0, 2.5), new Span(4, 6));
        assertThat(DuckEnvelope.sounds("", 6)).as("sound throughout").containsExactly(new Span(0, 6));
        assertThat(DuckEnvelope.sounds("silence_start: 0\n", 6)).as("silence throughout").isEmpty();
    }

    @Test
    void theMusicIsFullyDownWhenTheSoundStartsAndBackUp07SecondsAfterItStops() {
        List<Span> sound = List.of(new Span(3, 5));

        assertThat(db(DuckEnvelope.gain(sound, 2.89, 15))).as("before the lead").isCloseTo(0, within(1e-9));
        assertThat(db(DuckEnvelope.gain(sound, 2.95, 15))).as("half way down").isCloseTo(-7.5, within(1e-9));
        assertThat(db(DuckEnvelope.gain(sound, 3.0, 15))).as("at the first sound").isCloseTo(-15, within(1e-9));
        assertThat(db(DuckEnvelope.gain(sound, 5.2, 15))).as("held 0.2 s after").isCloseTo(-15, within(1e-9));
        assertThat(db(DuckEnvelope.gain(sound, 5.45, 15))).as("half way up").isCloseTo(-7.5, within(1e-9));
        assertThat(db(DuckEnvelope.gain(sound, 5.7, 15))).as("back 0.7 s after").isCloseTo(0, within(1e-9));
    }

    @Test
    void closeSoundsKeepTheMusicDownBetweenThem() {
        List<Span> sounds = List.of(new Span(1, 2), new Span(2.6, 3));

        // 0.5 s after the first: 0.3 s into its release (-8 dB of -20 still), as the next one's lead starts
        assertThat(db(DuckEnvelope.gain(sounds, 2.5, 20))).as("between: the release of one meets the lead of the next").isCloseTo(-8, within(1e-9));
        assertThat(db(DuckEnvelope.gain(sounds, 2.55, 20))).isCloseTo(-10, within(1e-9));
        assertThat(db(DuckEnvelope.gain(sounds, 2.6, 20))).isCloseTo(-20, within(1e-9));
    }

    @Test
    void theEnvelopeIsAMonoFloatWavAt1kHzOverTheWholeLength(@TempDir Path dir) throws Exception {
        Path wav = DuckEnvelope.write(dir.resolve("e.wav"), List.of(new Span(1, 2)), 4, 15);

        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(20)).as("IEEE float").isEqualTo((short) 3);
        assertThat(b.getShort(22)).as("mono").isEqualTo((short) 1);
        assertThat(b.getInt(24)).as("rate").isEqualTo(1000);
        assertThat(b.getInt(40)).as("data bytes").isEqualTo(4 * 4001);
        assertThat(b.getFloat(44 + 4 * 500)).as("0.5 s").isEqualTo(1f);
        assertThat(db(b.getFloat(44 + 4 * 1500))).as("1.5 s").isCloseTo(-15, within(1e-4));
        assertThat(b.getFloat(44 + 4 * 3000)).as("3 s").isEqualTo(1f);
    }
}
