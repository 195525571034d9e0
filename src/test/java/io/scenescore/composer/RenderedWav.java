package io.scenescore.composer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import io.scenescore.support.Fft;

/** A WAV file read back through javax.sound, with the measurements the tests make on it. */
record RenderedWav(AudioFormat format, long frames, short[] samples) {

    static RenderedWav read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            byte[] bytes = in.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return new RenderedWav(in.getFormat(), in.getFrameLength(), samples);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("not a readable WAV: " + file, e);
        }
    }

    static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    /** Root mean square level over every sample of both channels, in dB relative to full scale. */
    double rmsDbfs() {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        double rms = Math.sqrt(sum / samples.length) / 32768.0;
        return 20 * Math.log10(Math.max(rms, 1e-12));
    }

    /** Share of samples at full scale (clipped). */
    double clippedFraction() {
        long clipped = 0;
        for (short s : samples) {
            if (s >= 32767 || s <= -32767) {
                clipped++;
            }
        }
        return (double) clipped / samples.length;
    }

    /** Magnitude-weighted mean frequency of the mono mix, in Hz (Hann windows of 4096 frames). */
    double spectralCentroidHz() {
        int size = 4096;
        int channels = format.getChannels();
        double rate = format.getSampleRate();
        double[] window = new double[size];
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (size - 1));
        }
        double weighted = 0;
        double total = 0;
        int frameCount = samples.length / channels;
        for (int start = 0; start + size <= frameCount; start += size) {
            double[] re = new double[size];
            double[] im = new double[size];
            for (int i = 0; i < size; i++) {
                double mono = 0;
                for (int c = 0; c < channels; c++) {
                    mono += samples[(start + i) * channels + c];
                }
                re[i] = mono / channels / 32768.0 * window[i];
            }
            Fft.transform(re, im);
            for (int k = 1; k < size / 2; k++) {
                double magnitude = Math.hypot(re[k], im[k]);
                weighted += magnitude * k * rate / size;
                total += magnitude;
            }
        }
        return total == 0 ? 0 : weighted / total;
    }

    /** Frequency of the strongest spectral peak below {@code maxHz} over the first 32768 frames, in Hz. */
    double dominantFrequencyHz(double maxHz) {
        int size = 32768;
        int channels = format.getChannels();
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < size && (i + 1) * channels <= samples.length; i++) {
            re[i] = samples[i * channels] / 32768.0 * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (size - 1)));
        }
        Fft.transform(re, im);
        double rate = format.getSampleRate();
        int best = 1;
        double bestMagnitude = 0;
        for (int k = 1; k < size / 2 && k * rate / size < maxHz; k++) {
            double magnitude = Math.hypot(re[k], im[k]);
            if (magnitude > bestMagnitude) {
                bestMagnitude = magnitude;
                best = k;
            }
        }
        return best * rate / size;
    }
}
