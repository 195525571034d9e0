package io.scenescore.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An EBU R128 meter (ITU-R BS.1770-4, EBU Tech 3341 and 3342) fed 16-bit samples as they are written, at any rate:
 * integrated loudness, loudness range and true peak, the three figures FFmpeg's {@code ebur128=peak=true} prints. It
 * follows that filter where the standards leave a choice (a block every 100 ms once its window is full; the range's
 * percentiles counted as it counts them), so that the two agree within a few hundredths of a LU on the same audio:
 * a join on PCM measures what it writes without a second FFmpeg run. The K-weighting filters are designed for the
 * input's rate (FFmpeg resamples to 48 kHz first); the true peak is found at four times the rate with a 49-tap
 * windowed-sinc interpolator, as BS.1770-4 Annex 2 describes (FFmpeg resamples to 192 kHz).
 */
public final class LoudnessMeter {

    private static final double ABSOLUTE_GATE = -70;
    private static final int OVERSAMPLING = 4;
    private static final int TAPS = 49;
    /** The interpolator's taps, by phase: {@code PHASES[p][k]} weighs the k-th newest input for output phase p. */
    private static final double[][] PHASES = phases();
    /** How many samples back the interpolator's phase 0 reproduces an input sample: half its length. */
    private static final int DELAY = (TAPS - 1) / 2 / OVERSAMPLING;
    /** How many input samples the interpolator weighs at once. */
    private static final int SPAN = TAPS / OVERSAMPLING + 1;
    private static final int HISTORY = 64 * SPAN;
    /** The largest sum of the magnitudes of one phase's taps: how far an interpolated value may pass its window's samples. */
    private static final double PHASE_GAIN = Arrays.stream(PHASES)
            .mapToDouble(taps -> Arrays.stream(taps).map(Math::abs).sum()).max().orElse(1);

    private final int channels;
    private final int hop;
    private final double[] pre;
    private final double[] rlb;
    /** Per channel: the two filters' last two inputs and outputs. */
    private final double[][] state;
    /**
     * Per channel: the newest input samples, for the interpolator, newest first: a window of {@link #SPAN} that
     * slides down a buffer and is copied back to its end when it reaches the start.
     */
    private final double[][] history;
    private int historyAt = HISTORY - SPAN;
    /** The weighted energy of each 100 ms sub-block, the last 30 of them (3 s), summed over the channels. */
    private final double[] subBlocks = new double[30];
    private long subBlockCount;
    private double current;
    private int inCurrent;
    private final List<Double> blockPowers = new ArrayList<>();
    private final List<Double> shortTermPowers = new ArrayList<>();
    private double truePeak;
    /** Per channel: how many windows to come still hold a sample loud enough to be interpolated around. */
    private final int[] loudWindows;

    public LoudnessMeter(int rate, int channels) {
        if (rate < 8000 || rate % 10 != 0 || channels < 1) {
            throw new IllegalArgumentException("no meter for " + channels + " channels at " + rate + " Hz");
        }
        this.channels = channels;
        this.hop = rate / 10;
        this.pre = shelf(rate);
        this.rlb = highPass(rate);
        this.state = new double[channels][8];
        this.history = new double[channels][HISTORY];
        this.loudWindows = new int[channels];
    }

    /** Takes {@code frames} interleaved frames of {@code samples} (16-bit values), from {@code offset}. */
    public void add(short[] samples, int offset, int frames) {
        int i = offset;
        for (int f = 0; f < frames; f++) {
            double energy = 0;
            if (historyAt == 0) {
                for (double[] h : history) {
                    System.arraycopy(h, 0, h, HISTORY - SPAN + 1, SPAN - 1);
                }
                historyAt = HISTORY - SPAN + 1;
            }
            historyAt--;
            for (int c = 0; c < channels; c++) {
                double x = samples[i++] / 32768.0;
                double[] h = history[c];
                h[historyAt] = x;
                double[] s = state[c];
                double y = pre[0] * x + pre[1] * s[0] + pre[2] * s[1] - pre[3] * s[2] - pre[4] * s[3];
                s[1] = s[0];
                s[0] = x;
                s[3] = s[2];
                s[2] = y;
                double z = rlb[0] * y + rlb[1] * s[4] + rlb[2] * s[5] - rlb[3] * s[6] - rlb[4] * s[7];
                s[5] = s[4];
                s[4] = y;
                s[7] = s[6];
                s[6] = z;
                energy += z * z;
                // no interpolated value passes its window's largest sample times the largest sum of a phase's taps:
                // only the windows holding a sample that loud, against the peak found so far, are interpolated
                if (Math.abs(x) * PHASE_GAIN > truePeak) {
                    loudWindows[c] = SPAN;
                }
                if (loudWindows[c] > 0) {
                    loudWindows[c]--;
                    truePeak = Math.max(truePeak, interpolatedPeak(h, historyAt));
                }
            }
            current += energy;
            if (++inCurrent == hop) {
                closeSubBlock();
            }
        }
    }

    private static double interpolatedPeak(double[] h, int newest) {
        // phase 0 is the sample DELAY back itself
        double peak = Math.abs(h[newest + DELAY]);
        for (int p = 1; p < OVERSAMPLING; p++) {
            double[] taps = PHASES[p];
            double sum = 0;
            for (int k = 0; k < SPAN; k++) {
                sum += taps[k] * h[newest + k];
            }
            peak = Math.max(peak, Math.abs(sum));
        }
        return peak;
    }

    private void closeSubBlock() {
        subBlocks[(int) (subBlockCount % subBlocks.length)] = current;
        subBlockCount++;
        current = 0;
        inCurrent = 0;
        if (subBlockCount >= 4) {
            blockPowers.add(lastSubBlocks(4) / (4.0 * hop));
        }
        if (subBlockCount >= 30) {
            shortTermPowers.add(lastSubBlocks(30) / (30.0 * hop));
        }
    }

    private double lastSubBlocks(int n) {
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += subBlocks[(int) ((subBlockCount - k) % subBlocks.length)];
        }
        return sum;
    }

    /** What was measured so far: null members where there is nothing to measure (silence, or under 400 ms). */
    public LoudnessMeasure measure() {
        double[] integrated = gated(blockPowers, -10);
        Double loudness = null;
        if (integrated.length > 0) {
            double sum = 0;
            for (double p : integrated) {
                sum += p;
            }
            loudness = hundredth(loudness(sum / integrated.length));
        }
        double[] shortTerm = gated(shortTermPowers, -20);
        double range = 0;
        if (shortTerm.length > 0) {
            Arrays.sort(shortTerm);
            int n = shortTerm.length;
            int low = Math.max(1, (int) (0.10 * n + 0.5));
            int high = Math.max(1, (int) (0.95 * n + 0.5));
            range = loudness(shortTerm[high - 1]) - loudness(shortTerm[low - 1]);
        }
        double flushed = truePeak;
        for (double[] h : history) {
            flushed = Math.max(flushed, lastPeak(h, historyAt));
        }
        Double peak = flushed > 0 ? hundredth(20 * Math.log10(flushed)) : null;
        return new LoudnessMeasure(loudness, peak, hundredth(range));
    }

    /**
     * The interpolated values around the last {@link #DELAY} samples, which the interpolator reaches only once later
     * samples come: the end taken as followed by silence.
     */
    private static double lastPeak(double[] h, int newest) {
        double[] window = new double[DELAY + SPAN];
        System.arraycopy(h, newest, window, DELAY, SPAN);
        double peak = 0;
        for (int j = 1; j <= DELAY; j++) {
            peak = Math.max(peak, interpolatedPeak(window, DELAY - j));
        }
        return peak;
    }

    /** The powers above the absolute gate and then above the relative one, {@code relative} LU under their mean. */
    private static double[] gated(List<Double> powers, double relative) {
        double sum = 0;
        int n = 0;
        for (double p : powers) {
            if (loudness(p) >= ABSOLUTE_GATE) {
                sum += p;
                n++;
            }
        }
        if (n == 0) {
            return new double[0];
        }
        double gate = loudness(sum / n) + relative;
        return powers.stream().mapToDouble(Double::doubleValue).filter(p -> loudness(p) >= ABSOLUTE_GATE && loudness(p) >= gate).toArray();
    }

    private static double loudness(double power) {
        return -0.691 + 10 * Math.log10(Math.max(power, 1e-20));
    }

    private static double hundredth(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** BS.1770's first stage, a high shelf of about +4 dB above 1.5 kHz, designed for {@code rate}: b0, b1, b2, a1, a2. */
    private static double[] shelf(int rate) {
        double f0 = 1681.974450955533;
        double gain = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / rate);
        double vh = Math.pow(10, gain / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        return new double[] {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
    }

    /** BS.1770's second stage, the RLB high pass at about 38 Hz, designed for {@code rate}. */
    private static double[] highPass(int rate) {
        double f0 = 38.13547087602444;
        double q = 0.5003270373238773;
        double k = Math.tan(Math.PI * f0 / rate);
        double a0 = 1 + k / q + k * k;
        return new double[] {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
    }

    /** A Hann-windowed sinc of {@link #TAPS} taps at four times the rate, split into the phases between two samples. */
    private static double[][] phases() {
        double[][] phases = new double[OVERSAMPLING][TAPS / OVERSAMPLING + 1];
        double middle = (TAPS - 1) / 2.0;
        for (int j = 0; j < TAPS; j++) {
            double m = j - middle;
            double c = Math.abs(m) < 1e-9 ? 1 : Math.sin(m * Math.PI / OVERSAMPLING) / (m * Math.PI / OVERSAMPLING);
            c *= 0.5 * (1 - Math.cos(2 * Math.PI * j / (TAPS - 1)));
            phases[j % OVERSAMPLING][j / OVERSAMPLING] = c;
        }
        return phases;
    }
}
