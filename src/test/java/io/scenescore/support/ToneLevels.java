package io.scenescore.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The level of one known tone in a file over time, and of everything above a frequency: how a test tells the music
 * (a pure tone) from the video's sound (speech kept above it) in one mix. The first channel is decoded by FFmpeg to
 * 32-bit float; the tone's amplitude in each window is read with a Hann-windowed Goertzel filter at its frequency
 * and given in dBFS (a full-scale sine is 0 dB).
 */
public final class ToneLevels {

    public static final int RATE = 44100;
    private final float[] samples;

    private ToneLevels(float[] samples) {
        this.samples = samples;
    }

    /** The first channel of {@code file}'s first audio stream, optionally through an FFmpeg filter chain first. */
    public static ToneLevels of(Path file, String filter) throws IOException, InterruptedException {
        String chain = "pan=mono|c0=c0" + (filter == null ? "" : "," + filter);
        Process p = new ProcessBuilder(List.of(MediaProbe.tools().ffmpeg(), "-hide_banner", "-loglevel", "error", "-i", file.toString(),
                "-map", "0:a:0", "-af", chain, "-ar", String.valueOf(RATE), "-f", "f32le", "-"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] raw = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new AssertionError("ffmpeg could not decode " + file);
        }
        FloatBuffer floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] samples = new float[floats.remaining()];
        floats.get(samples);
        return new ToneLevels(samples);
    }

    public double seconds() {
        return samples.length / (double) RATE;
    }

    /** The amplitude of the {@code hz} tone in dBFS over {@code length} seconds from {@code start}. */
    public double tone(double hz, double start, double length) {
        int from = (int) Math.round(start * RATE);
        int n = Math.min((int) Math.round(length * RATE), samples.length - from);
        double coeff = 2 * Math.cos(2 * Math.PI * hz / RATE);
        double s1 = 0, s2 = 0, windowSum = 0;
        for (int i = 0; i < n; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            windowSum += w;
            double s = samples[from + i] * w + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        double amplitude = 2 * Math.sqrt(Math.max(power, 0)) / windowSum;
        return 20 * Math.log10(Math.max(amplitude, 1e-12));
    }

    /** The RMS level in dBFS over {@code length} seconds from {@code start} (of the filtered signal, if filtered). */
    public double rms(double start, double length) {
        int from = (int) Math.round(start * RATE);
        int n = Math.min((int) Math.round(length * RATE), samples.length - from);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += samples[from + i] * (double) samples[from + i];
        }
        return 10 * Math.log10(Math.max(sum / Math.max(n, 1), 1e-24));
    }

    /** The first time from {@code from} at which the RMS over 10 ms windows goes above {@code dbfs}; -1 if never. */
    public double firstAbove(double dbfs, double from) {
        for (double t = from; t + 0.01 <= seconds(); t += 0.01) {
            if (rms(t, 0.01) > dbfs) {
                return t;
            }
        }
        return -1;
    }

    /** The last time before {@code until} at which the RMS over 10 ms windows is above {@code dbfs}; -1 if never. */
    public double lastAbove(double dbfs, double until) {
        for (double t = Math.min(until, seconds()) - 0.01; t >= 0; t -= 0.01) {
            if (rms(t, 0.01) > dbfs) {
                return t + 0.01;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f s of audio", seconds());
    }
}
