package io.scenescore.composer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

/**
 * Turns a score into MIDI messages stamped in microseconds from the start of the scene: instrument and mixer
 * set-up first, then every note-on and note-off through the tempo map (and swing, for jazz). Notes running past
 * the end are cut there; a note struck again while still sounding is released just before. Messages come out in
 * time order with strictly increasing stamps, offs before ons at the same moment, so the synthesizer's event
 * queue keeps them all and in a fixed order.
 */
final class MidiTimeline {

    /** One MIDI message and when it plays. */
    record TimedMessage(long micros, ShortMessage message) {}

    private record Entry(long micros, int priority, int sequence, ShortMessage message) {}

    private MidiTimeline() {
    }

    static List<TimedMessage> of(Score score) {
        Orchestration o = score.orchestration();
        TempoMap tempo = score.tempo();
        long endMicros = Math.round(score.durationSeconds() * 1_000_000);
        List<Entry> entries = new ArrayList<>();
        int[] sequence = {0};

        setUp(entries, sequence, Orchestration.PAD, o.padProgram(), 82, 64, o.reverb(), 20);
        setUp(entries, sequence, Orchestration.MELODY, o.melodyProgram(), 104, 60, o.reverb(), 0);
        setUp(entries, sequence, Orchestration.BASS, o.bassProgram(), 100, 64, o.reverb() / 2, 0);
        setUp(entries, sequence, Orchestration.ACCOMPANIMENT, o.accompanimentProgram(), 84, 42, o.reverb(), 0);
        setUp(entries, sequence, Orchestration.COLOUR, o.colourProgram(), 80, 88, o.reverb(), 10);
        setUp(entries, sequence, Orchestration.TIMPANI, o.timpani() ? Orchestration.timpaniProgram() : -1,
                92, 56, o.reverb(), 0);
        setUp(entries, sequence, Orchestration.DRUMS, o.drums() == Orchestration.DrumPattern.NONE ? -1 : 0,
                90, 64, Math.min(o.reverb(), 50), 0);

        List<Note> notes = new ArrayList<>(score.notes());
        notes.sort(Comparator.comparingDouble(Note::startBeat).thenComparingInt(Note::channel)
                .thenComparingInt(Note::pitch));
        long[] starts = new long[notes.size()];
        long[] ends = new long[notes.size()];
        Map<Integer, Integer> sounding = new HashMap<>();
        for (int i = 0; i < notes.size(); i++) {
            Note note = notes.get(i);
            starts[i] = micros(tempo, swing(note.startBeat(), o.swing()));
            ends[i] = Math.min(endMicros, micros(tempo, swing(note.startBeat() + note.lengthBeats(), o.swing())));
            Integer earlier = sounding.put(note.channel() * 128 + note.pitch(), i);
            if (earlier != null && ends[earlier] > starts[i]) {
                ends[earlier] = starts[i];
            }
        }
        for (int i = 0; i < notes.size(); i++) {
            Note note = notes.get(i);
            if (starts[i] >= endMicros || ends[i] <= starts[i]) {
                continue;
            }
            entries.add(new Entry(starts[i], 2, sequence[0]++,
                    message(ShortMessage.NOTE_ON, note.channel(), note.pitch(), note.velocity())));
            entries.add(new Entry(ends[i], 0, sequence[0]++,
                    message(ShortMessage.NOTE_OFF, note.channel(), note.pitch(), 0)));
        }

        entries.sort(Comparator.comparingLong(Entry::micros).thenComparingInt(Entry::priority)
                .thenComparingInt(Entry::sequence));
        List<TimedMessage> timeline = new ArrayList<>(entries.size());
        long last = -1;
        for (Entry entry : entries) {
            long stamp = Math.max(entry.micros(), last + 1);
            timeline.add(new TimedMessage(stamp, entry.message()));
            last = stamp;
        }
        return timeline;
    }

    private static void setUp(List<Entry> entries, int[] sequence, int channel, int program, int volume, int pan,
                              int reverb, int chorus) {
        if (program < 0) {
            return;
        }
        entries.add(new Entry(0, -1, sequence[0]++, message(ShortMessage.PROGRAM_CHANGE, channel, program, 0)));
        entries.add(new Entry(0, -1, sequence[0]++, message(ShortMessage.CONTROL_CHANGE, channel, 7, volume)));
        entries.add(new Entry(0, -1, sequence[0]++, message(ShortMessage.CONTROL_CHANGE, channel, 10, pan)));
        entries.add(new Entry(0, -1, sequence[0]++, message(ShortMessage.CONTROL_CHANGE, channel, 11, 127)));
        entries.add(new Entry(0, -1, sequence[0]++, message(ShortMessage.CONTROL_CHANGE, channel, 91, reverb)));
        entries.add(new Entry(0, -1, sequence[0]++, message(ShortMessage.CONTROL_CHANGE, channel, 93, chorus)));
    }

    private static long micros(TempoMap tempo, double beat) {
        return Math.round(tempo.secondsAt(beat) * 1_000_000);
    }

    /** Swung eighths: the off-beat eighth moves to the last third of the beat. */
    static double swing(double beat, boolean swing) {
        if (!swing) {
            return beat;
        }
        double whole = Math.floor(beat);
        double part = beat - whole;
        double swung = part < 0.5 ? part * (2.0 / 3.0) / 0.5 : 2.0 / 3.0 + (part - 0.5) * (1.0 / 3.0) / 0.5;
        return whole + swung;
    }

    private static ShortMessage message(int command, int channel, int data1, int data2) {
        try {
            return new ShortMessage(command, channel, data1, Math.min(127, Math.max(0, data2)));
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("bad MIDI message " + command + "/" + channel + "/" + data1, e);
        }
    }
}
