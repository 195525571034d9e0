package io.scenescore.composer;

/**
 * Brings a rendered scene to a steady level and shapes its edges: a gain to a target loudness (a little louder
 * for energetic scenes, about -19 to -14 dBFS RMS), a soft limiter that rounds off the few peaks above -2 dBFS
 * so nothing clips, a 10 ms fade-in and a cosine fade-out over the last 1.5 s (a quarter of the scene at most)
 * so the closing chord dies away within the exact length.
 */
final class Mastering {

    static final double LIMIT_THRESHOLD = 0.8;
    static final double CEILING = 0.97;
    private static final double MAX_GAIN = 40;
    private static final double FADE_IN_SECONDS = 0.01;
    private static final double FADE_OUT_SECONDS = 1.5;

    private Mastering() {
    }

    /** The target RMS level in dBFS for a scene's energy. */
    static double targetDbfs(double energy) {
        return -19 + 5 * energy;
    }

    /** Masters interleaved stereo samples in place. */
    static void apply(float[] samples, int channels, float sampleRate, double energy) {
        if (samples.length == 0) {
            return;
        }
        double sum = 0;
        double peak = 0;
        for (float s : samples) {
            sum += (double) s * s;
            peak = Math.max(peak, Math.abs(s));
        }
        double rms = Math.sqrt(sum / samples.length);
        double gain = 1;
        if (rms > 1e-9) {
            gain = StrictMath.pow(10, targetDbfs(energy) / 20) / rms;
            gain = Math.min(gain, MAX_GAIN);
            // let peaks reach at most twice the limiter threshold, where the limiter still sounds clean
            gain = Math.min(gain, 2 * LIMIT_THRESHOLD / Math.max(peak, 1e-9));
        }

        int frames = samples.length / channels;
        int fadeIn = (int) Math.min(frames / 4, Math.round(FADE_IN_SECONDS * sampleRate));
        int fadeOut = (int) Math.min(frames / 4, Math.round(FADE_OUT_SECONDS * sampleRate));
        for (int frame = 0; frame < frames; frame++) {
            double envelope = 1;
            if (frame < fadeIn) {
                envelope = (double) frame / fadeIn;
            }
            int fromEnd = frames - 1 - frame;
            if (fromEnd < fadeOut) {
                envelope *= 0.5 - 0.5 * StrictMath.cos(Math.PI * fromEnd / fadeOut);
            }
            for (int c = 0; c < channels; c++) {
                int i = frame * channels + c;
                samples[i] = (float) limit(samples[i] * gain * envelope);
            }
        }
    }

    /** Unity below the threshold, then a tanh knee that never reaches the ceiling. */
    static double limit(double x) {
        double magnitude = Math.abs(x);
        if (magnitude <= LIMIT_THRESHOLD) {
            return x;
        }
        double room = CEILING - LIMIT_THRESHOLD;
        double limited = LIMIT_THRESHOLD + room * StrictMath.tanh((magnitude - LIMIT_THRESHOLD) / room);
        return Math.copySign(limited, x);
    }
}
