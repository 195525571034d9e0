package io.scenescore.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The music's gain under a video's own sound (mix duck), computed from where that sound is. FFmpeg's silencedetect
 * finds the spans with sound (anything above {@link #SOUND_THRESHOLD_DB} dBFS; pauses shorter than {@link #MIN_PAUSE}
 * s, between words, do not count); the envelope lowers the music by duck_db over each span. The whole track is known
 * before the mix, so the envelope looks ahead: the music is already down when the sound starts (it ramps down over
 * the {@link #LEAD} s before), stays down for {@link #HOLD} s after it stops, and is back up {@link #RELEASE} s later.
 * The envelope is a mono float WAV at {@link #RATE} Hz that the mix multiplies the music by (FFmpeg's amultiply).
 */
public final class DuckEnvelope {

    public static final double SOUND_THRESHOLD_DB = -50;
    public static final double MIN_PAUSE = 0.5;
    public static final double LEAD = 0.1;
    public static final double HOLD = 0.2;
    public static final double RELEASE = 0.5;
    static final int RATE = 1000;
    private static final Pattern EVENT = Pattern.compile("silence_(start|end): (-?[0-9.]+)");

    /** A stretch of the video's track with sound in it, in seconds. */
    public record Span(double start, double end) {
    }

    private DuckEnvelope() {
    }

    /** The filter that finds the silences between the sounds; it prints them at info level. */
    static String detectFilter() {
        return String.format(java.util.Locale.ROOT, "silencedetect=n=%.0fdB:d=%.2f", SOUND_THRESHOLD_DB, MIN_PAUSE);
    }

    /**
     * The spans with sound, from what silencedetect printed about a track of {@code seconds}: between the end of
     * one silence and the start of the next (a track that starts loud has sound from 0; one that ends loud, up to
     * its end).
     */
    public static List<Span> sounds(String log, double seconds) {
        List<Span> spans = new ArrayList<>();
        Double soundFrom = 0.0;
        Matcher m = EVENT.matcher(log == null ? "" : log);
        while (m.find()) {
            double at = Double.parseDouble(m.group(2));
            if (m.group(1).equals("start")) {
                if (soundFrom != null && at > soundFrom) {
                    spans.add(new Span(soundFrom, Math.min(at, seconds)));
                }
                soundFrom = null;
            } else {
                soundFrom = at;
            }
        }
        // silencedetect ends a silence that lasts to the end of the track at the track's end: no sound there
        if (soundFrom != null && soundFrom < seconds - 1.0 / RATE) {
            spans.add(new Span(soundFrom, seconds));
        }
        return spans;
    }

    /** The music's gain at {@code t} (linear, 1 = unchanged) with {@code spans} of sound, ducking by {@code duckDb}. */
    public static double gain(List<Span> spans, double t, double duckDb) {
        double depth = 0;
        for (Span s : spans) {
            double down = (t - (s.start() - LEAD)) / LEAD;
            double up = (s.end() + HOLD + RELEASE - t) / RELEASE;
            depth = Math.max(depth, Math.max(0, Math.min(1, Math.min(down, up))));
        }
        return Math.pow(10, -duckDb * depth / 20);
    }

    /** Writes the envelope for {@code seconds} of music as a mono 32-bit float WAV at {@link #RATE} Hz. */
    public static Path write(Path file, List<Span> spans, double seconds, double duckDb) throws IOException {
        int frames = (int) Math.ceil(seconds * RATE) + 1;
        ByteBuffer data = ByteBuffer.allocate(44 + 4 * frames).order(ByteOrder.LITTLE_ENDIAN);
        data.put("RIFF".getBytes()).putInt(36 + 4 * frames).put("WAVE".getBytes());
        data.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) 1).putInt(RATE).putInt(4 * RATE)
                .putShort((short) 4).putShort((short) 32);
        data.put("data".getBytes()).putInt(4 * frames);
        // spans are in order: only those near t matter, so walk them along
        int first = 0;
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE;
            while (first < spans.size() && spans.get(first).end() + HOLD + RELEASE < t) {
                first++;
            }
            int last = first;
            while (last < spans.size() && spans.get(last).start() - LEAD <= t) {
                last++;
            }
            data.putFloat((float) gain(spans.subList(first, last), t, duckDb));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(data.array());
        }
        return file;
    }
}
