package io.scenescore.timeline;

import java.io.IOException;
import java.io.InputStream;

/**
 * A sound's envelope as a timeline draws it: the lowest and highest sample (-1 to 1) in each pixel column. Read
 * from a stream of 16-bit little-endian mono PCM, one sample at a time, so that only the columns are held, however
 * long the sound.
 */
public record Waveform(float[] min, float[] max) {

    public Waveform {
        if (min.length != max.length) {
            throw new IllegalArgumentException("min and max need one value per column");
        }
    }

    public int columns() {
        return min.length;
    }

    /** A column's peak level, 0 to 1. */
    public float peak(int column) {
        return Math.max(Math.abs(min[column]), Math.abs(max[column]));
    }

    /**
     * The envelope with each column also holding its {@code radius} neighbours on either side: on a short timeline a
     * column lasts less than a low note's period, and a bare envelope would comb between peaks and troughs.
     */
    public Waveform widened(int radius) {
        if (radius <= 0) {
            return this;
        }
        int n = columns();
        float[] lo = new float[n];
        float[] hi = new float[n];
        for (int c = 0; c < n; c++) {
            for (int k = Math.max(0, c - radius); k <= Math.min(n - 1, c + radius); k++) {
                lo[c] = Math.min(lo[c], min[k]);
                hi[c] = Math.max(hi[c], max[k]);
            }
        }
        return new Waveform(lo, hi);
    }

    /**
     * The envelope of {@code pcm} (s16le, mono, {@code sampleRate} per second) over {@code columns} columns that
     * stand for {@code axisSeconds} from its start; samples past the axis fall into the last column, columns past
     * the sound's end stay empty (0).
     */
    public static Waveform read(InputStream pcm, int sampleRate, double axisSeconds, int columns) throws IOException {
        float[] min = new float[columns];
        float[] max = new float[columns];
        double columnsPerSample = columns / (axisSeconds * sampleRate);
        byte[] buffer = new byte[1 << 16];
        long sample = 0;
        int carried = 0;
        int n;
        while ((n = pcm.read(buffer, carried, buffer.length - carried)) >= 0) {
            int available = carried + n;
            int whole = available & ~1;
            for (int i = 0; i < whole; i += 2) {
                float value = (short) ((buffer[i + 1] << 8) | (buffer[i] & 0xff)) / 32768f;
                int column = (int) Math.min(columns - 1, (long) (sample * columnsPerSample));
                if (value < min[column]) {
                    min[column] = value;
                }
                if (value > max[column]) {
                    max[column] = value;
                }
                sample++;
            }
            // an odd byte waits for its other half
            carried = available - whole;
            if (carried == 1) {
                buffer[0] = buffer[whole];
            }
        }
        return new Waveform(min, max);
    }
}
