package io.scenescore.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * What meta/musicgen does with a valid input, minus the music: the semantic checks of
 * cog-musicgen's {@code predict.py} and audiocraft (each a failed prediction, with the model's own
 * error text), and a {@link Plan} for the output WAV: 32 kHz, 16-bit, 2 channels for the stereo
 * models and 1 for {@code melody-large}/{@code large}, exactly {@code duration} seconds.
 *
 * <p>With {@code continuation=true} the output starts with
 * {@code input_audio[continuation_start:continuation_end]} (sliced at the input's rate, then
 * converted to 32 kHz by linear interpolation and to the model's channel count), copied
 * sample-exactly, unlike the real model which re-synthesises it; new tone material fills the rest.
 * Melody conditioning (input audio without continuation) fetches and reads the input but does not
 * use it. Input audio must be WAV (any rate; PCM 8/16/24/32-bit or float): other formats fail the
 * prediction with a message that says so.
 */
final class FakeMusicGen {

    static final int SAMPLE_RATE = 32_000;
    /** The chord's loudness over each second: a quarter louder at the beat, decaying. */
    private static final double[] PULSE = java.util.stream.IntStream.range(0, SAMPLE_RATE)
            .mapToDouble(i -> 0.75 + 0.25 * Math.exp(-4 * (i / (double) SAMPLE_RATE))).toArray();
    /** audiocraft's max_duration: a continuation prompt may not exceed it, whatever the duration. */
    private static final int MAX_PROMPT_SECONDS = 30;

    /** Reads the bytes behind an {@code input_audio} URL. */
    interface AudioSource {
        byte[] fetch(String url) throws IOException;
    }

    /** Either an error (the prediction fails with it) or a plan for the output. */
    record Outcome(String error, Plan plan) {
        static Outcome failed(String error) {
            return new Outcome(error, null);
        }

        boolean succeeded() {
            return error == null;
        }
    }

    /**
     * The output to render: {@code prefix} (the continuation slice, possibly empty, already at
     * 32 kHz and {@code channels}) followed by a chord on {@code rootHz} up to {@code totalFrames}.
     */
    record Plan(int channels, int totalFrames, WavAudio prefix, double rootHz, PureTone pureTone) {

        Plan(int channels, int totalFrames, WavAudio prefix, double rootHz) {
            this(channels, totalFrames, prefix, rootHz, null);
        }

        /** The same plan playing {@code tone} instead of the chord (null: the chord). */
        Plan withPureTone(PureTone tone) {
            return new Plan(channels, totalFrames, prefix, rootHz, tone);
        }

        WavAudio render() {
            if (pureTone != null) {
                return renderPureTone();
            }
            short[] out = new short[totalFrames * channels];
            short[] head = prefix.samples();
            System.arraycopy(head, 0, out, 0, Math.min(head.length, out.length));
            int start = prefix.frames();
            int newFrames = totalFrames - start;
            // the partials' sines by rotation, set exactly again every second (Math.sin for every frame made the
            // fake's rendering most of the CPU it takes from the service's cores in bench/load-bench.sh)
            double[] step = {rootHz, rootHz * 5 / 4, rootHz * 3 / 2};
            double[] stepCos = new double[step.length];
            double[] stepSin = new double[step.length];
            double[] cos = new double[step.length];
            double[] sin = new double[step.length];
            for (int p = 0; p < step.length; p++) {
                step[p] *= 2 * Math.PI / SAMPLE_RATE;
                stepCos[p] = Math.cos(step[p]);
                stepSin[p] = Math.sin(step[p]);
            }
            for (int i = 0; i < newFrames; i++) {
                double t = i / (double) SAMPLE_RATE;
                double attack = Math.min(1.0, t / 0.03);
                double release = Math.min(1.0, (newFrames - i) / (0.02 * SAMPLE_RATE));
                double pulse = PULSE[i % SAMPLE_RATE];
                double v = 0;
                for (int p = 0; p < step.length; p++) {
                    if (i % SAMPLE_RATE == 0) {
                        cos[p] = Math.cos(step[p] * i);
                        sin[p] = Math.sin(step[p] * i);
                    }
                    v += sin[p];
                    double c = cos[p];
                    cos[p] = c * stepCos[p] - sin[p] * stepSin[p];
                    sin[p] = c * stepSin[p] + sin[p] * stepCos[p];
                }
                v *= 0.2 * attack * release * pulse;
                int frame = start + i;
                out[frame * channels] = WavAudio.clip(Math.round(v * 32767));
                for (int c = 1; c < channels; c++) {
                    out[frame * channels + c] = WavAudio.clip(Math.round(v * 0.8 * 32767));
                }
            }
            return new WavAudio(SAMPLE_RATE, channels, out);
        }

        /** The new material as one steady sine on every channel, so that a test can follow its level through a mix. */
        private WavAudio renderPureTone() {
            short[] out = new short[totalFrames * channels];
            short[] head = prefix.samples();
            System.arraycopy(head, 0, out, 0, Math.min(head.length, out.length));
            double amplitude = Math.pow(10, pureTone.dbfs() / 20);
            for (int frame = prefix.frames(); frame < totalFrames; frame++) {
                double v = amplitude * Math.sin(2 * Math.PI * pureTone.hz() * frame / SAMPLE_RATE);
                for (int c = 0; c < channels; c++) {
                    out[frame * channels + c] = WavAudio.clip(Math.round(v * 32767));
                }
            }
            return new WavAudio(SAMPLE_RATE, channels, out);
        }
    }

    /** A pure tone of {@code hz} at {@code dbfs} (peak: a full-scale sine is 0 dBFS), played instead of the chord. */
    record PureTone(double hz, double dbfs) {
    }

    private FakeMusicGen() {
    }

    /**
     * Runs the model's checks on a schema-valid input and plans the output.
     *
     * @param toneKey picks the chord's root (any long; the same key gives the same tone)
     */
    static Outcome run(JsonNode input, long toneKey, AudioSource source) {
        String modelVersion = input.path("model_version").asText("stereo-melody-large");
        String prompt = input.hasNonNull("prompt") ? input.get("prompt").asText() : null;
        String audioUrl = input.hasNonNull("input_audio") ? input.get("input_audio").asText() : null;
        int duration = input.path("duration").asInt(8);
        boolean continuation = input.path("continuation").asBoolean(false);
        long start = input.path("continuation_start").asLong(0);
        Long end = input.hasNonNull("continuation_end") ? input.get("continuation_end").asLong() : null;
        boolean stereo = modelVersion.startsWith("stereo");

        if (prompt == null && audioUrl == null) {
            return Outcome.failed("Must provide either prompt or input_audio");
        }
        if (continuation && audioUrl == null) {
            return Outcome.failed("Must provide `input_audio` if continuation is `True`.");
        }
        if ((modelVersion.equals("stereo-large") || modelVersion.equals("large")) && audioUrl != null && !continuation) {
            return Outcome.failed("`stereo-large` and `large` model does not support melody input. Set "
                    + "`model_version='stereo-melody-large'` or `model_version='melody-large'` to condition on audio input.");
        }
        if (stereo && input.path("multi_band_diffusion").asBoolean(false)) {
            return Outcome.failed("Multi-Band Diffusion is only available with non-stereo models.");
        }

        int channels = stereo ? 2 : 1;
        int totalFrames = duration * SAMPLE_RATE;
        double rootHz = 110 * Math.pow(2, Math.floorMod(toneKey, 24) / 12.0);
        WavAudio nothing = new WavAudio(SAMPLE_RATE, channels, new short[0]);
        if (audioUrl == null) {
            return new Outcome(null, new Plan(channels, totalFrames, nothing, rootHz));
        }

        WavAudio audio;
        try {
            audio = WavAudio.parse(source.fetch(audioUrl));
        } catch (IOException e) {
            return Outcome.failed("Failed to download input_audio " + shorten(audioUrl) + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return Outcome.failed("Could not read input_audio (this fake reads WAV only): " + e.getMessage());
        }
        double inputSeconds = audio.seconds();
        double endSeconds = end == null ? inputSeconds : end;
        if (start > endSeconds) {
            return Outcome.failed("`continuation_start` must be less than or equal to `continuation_end`");
        }
        WavAudio window = audio.slice((int) (audio.sampleRate() * (double) start), (int) (audio.sampleRate() * endSeconds));
        if (!continuation) {
            return new Outcome(null, new Plan(channels, totalFrames, nothing, rootHz));
        }
        if (window.frames() == 0) {
            return Outcome.failed("The continuation window is empty: input_audio is " + inputSeconds
                    + " s long and continuation_start is " + start + " s");
        }
        WavAudio prefix = window.resample(SAMPLE_RATE).withChannels(channels);
        if (prefix.frames() >= totalFrames || prefix.seconds() > MAX_PROMPT_SECONDS) {
            return Outcome.failed("Prompt is longer than audio to generate");
        }
        return new Outcome(null, new Plan(channels, totalFrames, prefix, rootHz));
    }

    private static String shorten(String url) {
        return url.length() > 120 ? url.substring(0, 120) + "..." : url;
    }
}
