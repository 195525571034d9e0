package io.scenescore.composer;

import com.sun.media.sound.EmergencySoundbank;
import com.sun.media.sound.ModelByteBuffer;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;
import java.util.Random;

/**
 * Gervill's generated General MIDI sound set, made reproducible.
 *
 * <p>The JDK generates most of its emergency instruments as one looped period synthesised with phases from
 * {@code Math.random()}, so every JVM gets different waveforms and renders that differ in every byte. This class
 * keeps that set's structure (the General MIDI mapping, envelopes, filters, drum kit) and replaces each of those
 * looped tones with one synthesised here from a fixed harmonic recipe with seeded phases, at the same pitch, loop
 * points, length and about the same loudness. The drum hits that are not looped are built from fixed seeds by the JDK and are
 * kept as they are. The result is the same in every JVM.
 */
final class ReproducibleSoundbank {

    private static final double SAMPLE_RATE = 44100;
    private static final double MAX_PEAK = 0.99;
    private static final double NOISE_LEVEL = 0.22;
    /** The fade-in lengths EmergencySoundbank gives its looped tones (the callers of newSimpleFFTSample). */
    private static final int[] GENERATOR_FADE_UPS = {5, 10, 20, 80, 200};

    private ReproducibleSoundbank() {
    }

    static SF2Soundbank create() throws Exception {
        SF2Soundbank bank = EmergencySoundbank.createSoundbank();
        SF2Sample[] samples = bank.getSamples();
        for (int i = 0; i < samples.length; i++) {
            replaceLoopedTone(samples[i], i);
        }
        return bank;
    }

    /** Replaces a looped tone (one period repeated, 512 frames of loop tail) by a synthesised one. */
    static void replaceLoopedTone(SF2Sample sample, int index) {
        ModelByteBuffer buffer = sample.getDataBuffer();
        if (buffer == null || buffer.array() == null || sample.getData24Buffer() != null) {
            return;
        }
        int start = (int) sample.getStartLoop();
        int period = (int) (sample.getEndLoop() - sample.getStartLoop());
        short[] pcm = toShorts(buffer);
        if (period < 256 || Integer.bitCount(period) != 1 || start < 0 || start >= pcm.length
                || pcm.length != period + 512 || !periodic(pcm, start, period)) {
            return;
        }
        double[] re = new double[period];
        double[] im = new double[period];
        Random random = new Random(0x5CE7E5C0AEL + 7919L * index);
        String name = sample.getName() == null ? "" : sample.getName();
        double level = NOISE_LEVEL;
        if (name.contains("Cymbal") || name.contains("Hat")) {
            noiseSpectrum(re, im, name, random);
            Fourier.transform(re, im, true);
        } else {
            double pitch = sample.getOriginalPitch() - sample.getPitchCorrection() / 100.0;
            double frequency = 440 * StrictMath.pow(2, (pitch - 69) / 12);
            int fundamentalBin = (int) Math.max(1, Math.round(frequency * period / SAMPLE_RATE));
            Recipe recipe = Recipe.forName(name);
            harmonicSpectrum(re, im, recipe, fundamentalBin, random);
            Fourier.transform(re, im, true);
            if (recipe.drive() > 0) {
                double peak = peak(re);
                for (int i = 0; i < period; i++) {
                    re[i] = StrictMath.tanh(recipe.drive() * re[i] / peak);
                }
            }
            level = recipe.level();
        }

        double sum = 0;
        for (double v : re) {
            sum += v * v;
        }
        double rms = Math.sqrt(sum / period);
        double peak = peak(re);
        double gain = rms == 0 ? 0 : Math.min(level / rms, MAX_PEAK / peak);
        int fadeUp = fadeUpLength(pcm, period);
        byte[] out = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            double value = re[Math.floorMod(i - start, period)] * gain;
            if (i < fadeUp) {
                value *= (double) i / fadeUp;
            }
            int v = (int) Math.max(-32768, Math.min(32767, Math.round(value * 32767.0)));
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        sample.setData(out);
    }

    /**
     * A tone's harmonic make-up: amplitude of harmonic h is {@code h^-slope}, times {@code evenGain} on even
     * harmonics, times a resonance boosting harmonics near {@code formant}; each harmonic is spread over a Gaussian
     * of {@code spread} times its frequency (an ensemble's detuning) and stretched by {@code inharmonicity}
     * (piano strings); {@code pluck} notches harmonics like a string plucked at that fraction of its length,
     * {@code breath} adds air noise, {@code drive} overdrives the wave (0: clean) and {@code level} is the RMS the
     * period is brought to, the typical level of the JDK's tone of that name.
     */
    record Recipe(double slope, int harmonics, double evenGain, double formant, double formantGain, double spread,
                  double inharmonicity, double pluck, double breath, double drive, double level) {

        static Recipe forName(String name) {
            return switch (name) {
                case "Grand Piano" -> new Recipe(1.1, 30, 1, 0, 0, 0.0008, 0.0004, 0, 0, 0, 0.38);
                case "EPiano" -> new Recipe(2.2, 10, 1, 14, 0.08, 0.0005, 0.0002, 0, 0, 0, 0.45);
                case "Guitar" -> new Recipe(1.0, 30, 1, 0, 0, 0.0006, 0.0001, 0.18, 0, 0, 0.38);
                case "Distorted Guitar" -> new Recipe(0.6, 40, 1, 4, 1.5, 0.004, 0, 0, 0, 12, 0.8);
                case "Bass" -> new Recipe(1.6, 16, 1, 0, 0, 0.0005, 0, 0.25, 0, 0, 0.42);
                case "Bass2" -> new Recipe(1.8, 12, 1.4, 0, 0, 0.0005, 0, 0, 0, 0, 0.44);
                case "Strings", "Och Strings" -> new Recipe(1.0, 40, 1, 0, 0, 0.006, 0, 0, 0, 0, 0.26);
                case "Organ" -> new Recipe(0.9, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0.39);
                case "Flute" -> new Recipe(2.0, 8, 0.8, 0, 0, 0.001, 0, 0, 0.004, 0, 0.38);
                case "Trumpet" -> new Recipe(0.55, 24, 1, 4, 1.2, 0.001, 0, 0, 0, 0, 0.33);
                case "Trombone" -> new Recipe(0.8, 20, 1, 3, 0.8, 0.001, 0, 0, 0, 0, 0.30);
                case "Brass Section" -> new Recipe(0.7, 24, 1, 4, 1.0, 0.005, 0, 0, 0, 0, 0.23);
                case "Horn" -> new Recipe(1.4, 14, 1, 2, 0.5, 0.001, 0, 0, 0, 0, 0.42);
                case "Sax" -> new Recipe(0.85, 24, 1, 3, 1.0, 0.0015, 0, 0, 0.002, 0, 0.35);
                case "Oboe" -> new Recipe(0.9, 20, 1, 3, 2.0, 0.001, 0, 0, 0.001, 0, 0.44);
                case "Clarinet" -> new Recipe(1.0, 20, 0.08, 0, 0, 0.001, 0, 0, 0.001, 0, 0.38);
                default -> new Recipe(1.2, 24, 1, 0, 0, 0.002, 0, 0, 0, 0, 0.35);
            };
        }

        double amplitude(int h) {
            double a = StrictMath.pow(h, -slope);
            if (h % 2 == 0) {
                a *= evenGain;
            }
            if (formant > 0) {
                double d = (h - formant) / Math.max(1.5, formant * 0.5);
                a *= 1 + formantGain * StrictMath.exp(-d * d);
            }
            if (pluck > 0) {
                a *= 0.15 + Math.abs(StrictMath.sin(Math.PI * h * pluck));
            }
            return a;
        }
    }

    private static void harmonicSpectrum(double[] re, double[] im, Recipe recipe, int fundamentalBin,
                                         Random random) {
        int n = re.length;
        double[] magnitude = new double[n / 2];
        for (int h = 1; h <= recipe.harmonics(); h++) {
            double centre = h * fundamentalBin * StrictMath.sqrt(1 + recipe.inharmonicity() * h * h);
            if (centre >= n / 2.0 - 2) {
                break;
            }
            double width = recipe.spread() * centre;
            double amplitude = recipe.amplitude(h);
            if (width < 0.35) {
                magnitude[(int) Math.round(centre)] += amplitude;
                continue;
            }
            int from = (int) Math.max(1, Math.floor(centre - 3 * width));
            int to = (int) Math.min(n / 2 - 1, Math.ceil(centre + 3 * width));
            double norm = 0;
            for (int k = from; k <= to; k++) {
                double d = (k - centre) / width;
                norm += StrictMath.exp(-0.5 * d * d);
            }
            for (int k = from; k <= to; k++) {
                double d = (k - centre) / width;
                magnitude[k] += amplitude * StrictMath.exp(-0.5 * d * d) / norm;
            }
        }
        if (recipe.breath() > 0) { // a little air between 1 and 8 kHz
            int low = (int) (1000 * n / SAMPLE_RATE);
            int high = (int) Math.min(n / 2 - 1, 8000 * n / SAMPLE_RATE);
            double perBin = recipe.breath() / Math.sqrt(Math.max(1, high - low));
            for (int k = low; k <= high; k++) {
                magnitude[k] += perBin * random.nextDouble();
            }
        }
        fill(re, im, magnitude, random);
    }

    private static void noiseSpectrum(double[] re, double[] im, String name, Random random) {
        int n = re.length;
        double low = name.contains("Hat") ? 6000 : (name.contains("Reverse") ? 2000 : 2500);
        double high = name.contains("Hat") ? 16000 : 13000;
        double[] magnitude = new double[n / 2];
        for (int k = 1; k < n / 2; k++) {
            double f = k * SAMPLE_RATE / n;
            double shape = f < low ? StrictMath.pow(f / low, 2) : (f > high ? StrictMath.pow(high / f, 3) : 1);
            magnitude[k] = shape * (0.5 + random.nextDouble());
        }
        fill(re, im, magnitude, random);
    }

    /** A real signal's spectrum from magnitudes with seeded phases (conjugate-symmetric). */
    private static void fill(double[] re, double[] im, double[] magnitude, Random random) {
        int n = re.length;
        for (int k = 1; k < n / 2; k++) {
            double phase = random.nextDouble() * 2 * Math.PI;
            re[k] = magnitude[k] * StrictMath.cos(phase);
            im[k] = magnitude[k] * StrictMath.sin(phase);
            re[n - k] = re[k];
            im[n - k] = -im[k];
        }
    }

    private static double peak(double[] values) {
        double peak = 0;
        for (double v : values) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }

    private static short[] toShorts(ModelByteBuffer buffer) {
        byte[] bytes = buffer.array();
        int offset = (int) buffer.arrayOffset();
        int count = (int) (buffer.capacity() / 2);
        short[] pcm = new short[count];
        for (int i = 0; i < count; i++) {
            pcm[i] = (short) ((bytes[offset + 2 * i] & 0xFF) | (bytes[offset + 2 * i + 1] << 8));
        }
        return pcm;
    }

    /** Whether the sample repeats with the period after its short fade-in, as the generator's loops do. */
    private static boolean periodic(short[] pcm, int start, int period) {
        for (int i = start; i + period < pcm.length; i++) {
            if (pcm[i] != pcm[i + period]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Length of the generator's fade-in, one of the lengths it uses. The samples that differ from their copy one
     * period later show it, but not exactly: where the random wave is near zero at the fade's end, faded and unfaded
     * round to the same value and the fade looks a few samples shorter, which would make builds differ.
     */
    static int fadeUpLength(short[] pcm, int period) {
        int differing = 0;
        for (int i = 0; i + period < pcm.length && i < 512; i++) {
            if (pcm[i] != pcm[i + period]) {
                differing = i + 1;
            }
        }
        for (int length : GENERATOR_FADE_UPS) {
            if (differing <= length) {
                return length;
            }
        }
        return differing;
    }

    /** A small radix-2 FFT. */
    static final class Fourier {

        private Fourier() {
        }

        /** In place; the length must be a power of two; the inverse is scaled by 1/n. */
        static void transform(double[] re, double[] im, boolean inverse) {
            int n = re.length;
            for (int i = 1, j = 0; i < n; i++) {
                int bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1) {
                    j ^= bit;
                }
                j ^= bit;
                if (i < j) {
                    double t = re[i];
                    re[i] = re[j];
                    re[j] = t;
                    t = im[i];
                    im[i] = im[j];
                    im[j] = t;
                }
            }
            for (int length = 2; length <= n; length <<= 1) {
                int half = length / 2;
                double[] cos = new double[half];
                double[] sin = new double[half];
                for (int k = 0; k < half; k++) {
                    double angle = (inverse ? 2 : -2) * Math.PI * k / length;
                    cos[k] = StrictMath.cos(angle);
                    sin[k] = StrictMath.sin(angle);
                }
                for (int i = 0; i < n; i += length) {
                    for (int k = 0; k < half; k++) {
                        int a = i + k;
                        int b = a + half;
                        double xr = re[b] * cos[k] - im[b] * sin[k];
                        double xi = re[b] * sin[k] + im[b] * cos[k];
                        re[b] = re[a] - xr;
                        im[b] = im[a] - xi;
                        re[a] += xr;
                        im[a] += xi;
                    }
                }
            }
            if (inverse) {
                for (int i = 0; i < n; i++) {
                    re[i] /= n;
                    im[i] /= n;
                }
            }
        }
    }
}
