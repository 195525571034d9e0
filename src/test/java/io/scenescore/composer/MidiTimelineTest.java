package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;

class MidiTimelineTest {

    private static final Orchestration PIANO_ONLY = new Orchestration(0, Orchestration.PadStyle.SUSTAIN, -1, 72, -1,
            Orchestration.BassPattern.HELD, -1, Orchestration.AccompanimentPattern.NONE, -1,
            Orchestration.ColourPattern.NONE, false, Orchestration.DrumPattern.NONE, 40, false);

    private static List<MidiTimeline.TimedMessage> timeline(List<Note> notes, double seconds) {
        return MidiTimeline.of(new Score(notes, PIANO_ONLY, TempoMap.steady(60), seconds));
    }

    private static List<MidiTimeline.TimedMessage> notesOnly(List<MidiTimeline.TimedMessage> messages) {
        return messages.stream().filter(m -> m.message().getCommand() == ShortMessage.NOTE_ON
                || m.message().getCommand() == ShortMessage.NOTE_OFF).toList();
    }

    @Test
    void stampsNotesInMicrosecondsThroughTheTempoMap() {
        List<MidiTimeline.TimedMessage> messages = notesOnly(timeline(List.of(new Note(0, 1, 0.5, 60, 90)), 5));

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).micros()).isEqualTo(1_000_000);
        assertThat(messages.get(0).message().getCommand()).isEqualTo(ShortMessage.NOTE_ON);
        assertThat(messages.get(1).micros()).isEqualTo(1_500_000);
        assertThat(messages.get(1).message().getCommand()).isEqualTo(ShortMessage.NOTE_OFF);
    }

    @Test
    void timestampsStrictlyIncreaseSoTheSynthesizerKeepsEveryMessageInOrder() {
        List<MidiTimeline.TimedMessage> messages = timeline(List.of(new Note(0, 0, 1, 60, 90),
                new Note(0, 0, 1, 64, 90), new Note(0, 0, 1, 67, 90), new Note(0, 1, 1, 60, 90)), 5);

        for (int i = 1; i < messages.size(); i++) {
            assertThat(messages.get(i).micros()).isGreaterThan(messages.get(i - 1).micros());
        }
        assertThat(messages.get(0).message().getCommand()).isEqualTo(ShortMessage.PROGRAM_CHANGE);
    }

    @Test
    void noteStruckAgainWhileSoundingIsReleasedFirst() {
        List<MidiTimeline.TimedMessage> messages = notesOnly(timeline(List.of(new Note(0, 0, 3, 60, 90),
                new Note(0, 1, 1, 60, 90)), 5));

        assertThat(messages).extracting(m -> m.message().getCommand()).containsExactly(ShortMessage.NOTE_ON,
                ShortMessage.NOTE_OFF, ShortMessage.NOTE_ON, ShortMessage.NOTE_OFF);
        assertThat(messages.get(1).micros()).isLessThan(messages.get(2).micros());
    }

    @Test
    void notesAreCutAtTheEndOfTheScene() {
        List<MidiTimeline.TimedMessage> messages = notesOnly(timeline(List.of(new Note(0, 1, 10, 60, 90),
                new Note(0, 6, 1, 62, 90)), 2));

        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).micros()).isEqualTo(2_000_000);
    }

    @Test
    void swingDelaysTheOffbeatEighthToTheLastThirdOfTheBeat() {
        assertThat(MidiTimeline.swing(2.5, true)).isEqualTo(2 + 2.0 / 3.0);
        assertThat(MidiTimeline.swing(3.0, true)).isEqualTo(3.0);
        assertThat(MidiTimeline.swing(2.5, false)).isEqualTo(2.5);
    }
}
