package io.scenescore.composer;

import com.sun.media.sound.AudioSynthesizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Renders MIDI messages to audio offline with the JDK's software synthesizer (Gervill), headless and without a
 * sound card: a fresh synthesizer per render, opened as a stream, fed every message up front with its
 * microsecond stamp, then pulled synchronously on the calling thread for exactly the frames wanted.
 *
 * <p>Deterministic: the instruments always come from Gervill's generated General MIDI set, made reproducible by
 * {@link ReproducibleSoundbank} and built once per JVM, and every synthesizer property is set here, so neither a soundfont installed on the machine,
 * nor {@code ~/.gervill}, nor Java preferences change the sound. Needs
 * {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}.
 */
final class GervillRenderer {

    static final float SAMPLE_RATE = 44100f;
    static final int CHANNELS = 2;
    private static final AudioFormat FLOAT_STEREO =
            new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, SAMPLE_RATE, 32, CHANNELS, 4 * CHANNELS, SAMPLE_RATE, false);
    private static final int CHUNK_FRAMES = 4096;

    /** Gervill's generated General MIDI sound set with fixed phases, built on first use and shared. */
    private static final class Sounds {
        static final Soundbank BANK = create();

        private static Soundbank create() {
            try {
                return ReproducibleSoundbank.create();
            } catch (Exception e) {
                throw new IllegalStateException("could not build Gervill's General MIDI sound set", e);
            }
        }
    }

    /** Renders the messages and returns {@code frames} stereo frames, interleaved left/right. */
    float[] render(List<MidiTimeline.TimedMessage> messages, int frames) throws IOException {
        AudioSynthesizer synthesizer = openSynthesizer();
        try {
            AudioInputStream stream;
            try {
                stream = synthesizer.openStream(FLOAT_STEREO, properties());
            } catch (MidiUnavailableException e) {
                throw new IOException("could not open the software synthesizer: " + e.getMessage(), e);
            }
            try (stream) {
                if (!synthesizer.loadAllInstruments(Sounds.BANK)) {
                    throw new IOException("the software synthesizer did not load its instruments");
                }
                Receiver receiver;
                try {
                    receiver = synthesizer.getReceiver();
                } catch (MidiUnavailableException e) {
                    throw new IOException("the software synthesizer has no receiver: " + e.getMessage(), e);
                }
                try {
                    for (MidiTimeline.TimedMessage message : messages) {
                        receiver.send(message.message(), message.micros());
                    }
                    return pull(stream, frames);
                } finally {
                    receiver.close();
                }
            }
        } finally {
            synthesizer.close();
        }
    }

    private static AudioSynthesizer openSynthesizer() throws IOException {
        Synthesizer synthesizer;
        try {
            synthesizer = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new IOException("no MIDI synthesizer available: " + e.getMessage(), e);
        }
        if (!(synthesizer instanceof AudioSynthesizer audio)) {
            throw new IOException("the default synthesizer is not the JDK's software synthesizer (Gervill) but "
                    + synthesizer.getClass().getName());
        }
        return audio;
    }

    /** Every property Gervill reads, so stored preferences cannot change the output. */
    private static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("interpolation", "linear");
        p.put("control rate", 147f);
        p.put("format", FLOAT_STEREO);
        p.put("latency", 120000L);
        p.put("device id", 0);
        p.put("max polyphony", 96);
        p.put("reverb", true);
        p.put("chorus", true);
        p.put("auto gain control", true);
        p.put("large mode", false);
        p.put("midi channels", 16);
        p.put("jitter correction", false);
        p.put("light reverb", true);
        p.put("load default soundbank", false);
        return p;
    }

    private static float[] pull(AudioInputStream stream, int frames) throws IOException {
        float[] samples = new float[frames * CHANNELS];
        int frameBytes = 4 * CHANNELS;
        byte[] chunk = new byte[CHUNK_FRAMES * frameBytes];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        while (done < frames) {
            int want = Math.min(CHUNK_FRAMES, frames - done) * frameBytes;
            int got = 0;
            while (got < want) {
                int n = stream.read(chunk, got, want - got);
                if (n < 0) {
                    throw new IOException("the software synthesizer stopped after " + (done + got / frameBytes)
                            + " of " + frames + " frames");
                }
                got += n;
            }
            int count = want / 4;
            for (int i = 0; i < count; i++) {
                samples[done * CHANNELS + i] = view.getFloat(i * 4);
            }
            done += want / frameBytes;
        }
        return samples;
    }
}
