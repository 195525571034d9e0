package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.job.Loudness;
import io.scenescore.media.LoudnessCommands;
import io.scenescore.media.LoudnessMeasure;
import io.scenescore.media.MasteringGain;
import io.scenescore.media.PcmJoin;
import io.scenescore.support.MediaProbe;

/**
 * Mastering to a loudness target with real FFmpeg, as the service does it: the join on PCM measures what it writes,
 * one more pass measures it through the limiter at a ladder of ceilings only when the gain needs the limiter, the one
 * encode corrects and measures what it encodes; the delivered file, measured again on its own, lands within 0.5 LU of
 * the target with its true peak under the ceiling, and what the encode reported agrees with it.
 */
class LoudnessCommandsTest {

    private final LoudnessCommands loudness = new LoudnessCommands();

    /** Ten seconds of something music-like and loud: two tones and noise under a swelling envelope. */
    private static Path music(Path dir) throws Exception {
        return music(dir, 44100, 2);
    }

    private static Path music(Path dir, int rate, int channels) throws Exception {
        Path wav = dir.resolve("music.wav");
        MediaProbe.ffmpeg("-f", "lavfi", "-i",
                "aevalsrc=0.6*(0.6*sin(2*PI*220*t)+0.3*sin(2*PI*330*t)+0.1*(random(0)*2-1))*(0.5+0.5*sin(2*PI*0.3*t)):s=" + rate + ":d=10",
                "-ac", String.valueOf(channels), "-c:a", "pcm_s16le", wav.toString());
        return wav;
    }

    private static LoudnessMeasure measure(Path file) throws Exception {
        return MediaProbe.meter("-i", file.toString());
    }

    private MasteringGain lastGain;

    /**
     * As the run masters: the join on PCM (of this one piece) measures what it writes; when the gain needs the limiter,
     * one more pass measures the joined audio through it at a ladder of ceilings; the encode masters and measures what
     * it encodes.
     */
    private LoudnessMeasure master(Path in, Loudness target, String format, Path out) throws Exception {
        Path joined = out.resolveSibling("joined.wav");
        LoudnessMeasure measured = new PcmJoin().join(List.of(in), 0, "fade", joined);
        MasteringGain gain = loudness.gain(target, measured);
        if (gain.limited()) {
            gain = loudness.throughLadder(gain, MediaProbe.ffmpegWith(loudness.ladderCommand(joined, gain)));
        }
        lastGain = gain;
        List<LoudnessMeasure> reported = loudness.parseAll(MediaProbe.ffmpegWith(loudness.encodeCommand(joined, gain, format, out, true)));
        LoudnessMeasure delivered = measure(out);
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).integrated()).as("what the encode reports of itself").isCloseTo(delivered.integrated(), within(0.3));
        return delivered;
    }

    /** A WAV's length, from its header. */
    private static final class MediaProbeDuration {
        static double of(Path wav) throws Exception {
            return new io.scenescore.media.WavLength().seconds(wav);
        }
    }

    private LoudnessMeasure masterAndMeasure(Path dir, Loudness target, String format) throws Exception {
        return master(music(dir), target, format, dir.resolve("out." + format));
    }

    @Test
    void theMetersOfOneRunAreReadInTheOrderOfItsGraph() {
        String log = "[Parsed_ebur128_9 @ 0x2] Summary:\n\n  Integrated loudness:\n    I:         -15.2 LUFS\n"
                + "[Parsed_ebur128_1 @ 0x1] Summary:\n\n  Integrated loudness:\n    I:         -12.0 LUFS\n"
                + "  Loudness range:\n    LRA:         3.0 LU\n\n  True peak:\n    Peak:        0.4 dBFS\n"
                + "[Parsed_ebur128_13 @ 0x3] Summary:\n\n  Integrated loudness:\n    I:         -16.9 LUFS\n";

        List<LoudnessMeasure> measures = loudness.parseAll(log);

        assertThat(measures).extracting(LoudnessMeasure::integrated).containsExactly(-12.0, -15.2, -16.9);
        assertThat(measures.get(0).truePeak()).isEqualTo(0.4);
        assertThat(measures.get(1).truePeak()).isNull();
    }

    @Test
    void streamingLandsAtMinus14WithItsTruePeakUnderMinus1(@TempDir Path dir) throws Exception {
        LoudnessMeasure delivered = masterAndMeasure(dir, Loudness.STREAMING, "mp3");

        assertThat(delivered.integrated()).isCloseTo(-14.0, within(0.5));
        assertThat(delivered.truePeak()).isLessThanOrEqualTo(-1.0);
    }

    @Test
    void musicAtMusicGensRateInMonoIsDeliveredAt44kStereoOnTarget(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.mp3");
        LoudnessMeasure delivered = master(music(dir, 32000, 1), Loudness.STREAMING, "mp3", out);

        com.fasterxml.jackson.databind.JsonNode stream = MediaProbe.probe(out).path("streams").path(0);
        assertThat(stream.path("sample_rate").asText()).isEqualTo("44100");
        assertThat(stream.path("channels").asInt()).isEqualTo(2);
        assertThat(delivered.integrated()).isCloseTo(-14.0, within(0.5));
        assertThat(delivered.truePeak()).isLessThanOrEqualTo(-1.0);
    }

    @Test
    void broadcastLandsAtMinus23(@TempDir Path dir) throws Exception {
        LoudnessMeasure delivered = masterAndMeasure(dir, Loudness.BROADCAST, "wav");

        assertThat(delivered.integrated()).isCloseTo(-23.0, within(0.5));
        assertThat(delivered.truePeak()).isLessThanOrEqualTo(-1.0);
    }

    @Test
    void whenTheGainAloneMastersItTheJoinsMeasureMovedByTheGainIsTheDeliveredFiles(@TempDir Path dir) throws Exception {
        LoudnessMeasure delivered = masterAndMeasure(dir, Loudness.BROADCAST, "wav");

        assertThat(lastGain.limited()).isFalse();
        LoudnessMeasure known = lastGain.delivered();
        assertThat(known.integrated()).isCloseTo(delivered.integrated(), within(0.1));
        assertThat(known.truePeak()).isCloseTo(delivered.truePeak(), within(0.1));
        assertThat(known.range()).isCloseTo(delivered.range(), within(0.1));
        // so the encode does not measure again
        assertThat(String.join(" ", loudness.encodeCommand(dir.resolve("joined.wav"), lastGain, "wav", dir.resolve("again.wav"),
                lastGain.delivered() == null))).doesNotContain("ebur128");
    }

    @Test
    void atMusicGensRateTooTheJoinsMeasureMovedByTheGainIsTheDeliveredFiles(@TempDir Path dir) throws Exception {
        // the join measures at 32 kHz; the encode resamples to 44.1 kHz and measures nothing
        Path out = dir.resolve("out.wav");
        LoudnessMeasure delivered = master(music(dir, 32000, 2), Loudness.BROADCAST, "wav", out);

        assertThat(lastGain.limited()).isFalse();
        assertThat(lastGain.delivered().integrated()).isCloseTo(delivered.integrated(), within(0.1));
        assertThat(lastGain.delivered().truePeak()).isCloseTo(delivered.truePeak(), within(0.2));
        assertThat(lastGain.delivered().range()).isCloseTo(delivered.range(), within(0.2));
    }

    @Test
    void aCustomTargetIsHonoured(@TempDir Path dir) throws Exception {
        LoudnessMeasure delivered = masterAndMeasure(dir, new Loudness("custom", -16.0, -1.5), "mp3");

        assertThat(delivered.integrated()).isCloseTo(-16.0, within(0.5));
        assertThat(delivered.truePeak()).isLessThanOrEqualTo(-1.5);
    }

    @Test
    void noneLeavesTheLevelAsItWas(@TempDir Path dir) throws Exception {
        Path in = music(dir);
        LoudnessMeasure before = measure(in);

        LoudnessMeasure delivered = masterAndMeasure(dir, Loudness.NONE, "wav");

        assertThat(delivered.integrated()).isCloseTo(before.integrated(), within(0.2));
    }

    @Test
    void silenceIsMeasuredAsSilentAndNotCorrected(@TempDir Path dir) throws Exception {
        Path silent = dir.resolve("silent.wav");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo",
                "-t", "3", silent.toString());

        LoudnessMeasure measured = measure(silent);

        assertThat(measured).isNotNull();
        assertThat(measured.audible()).isFalse();
        assertThat(loudness.encodeCommand(silent, loudness.gain(Loudness.STREAMING, measured), "mp3", dir.resolve("o.mp3"), false))
                .noneMatch(a -> a.contains("volume") || a.contains("alimiter"));
    }

    @Test
    void aLimitedMixFindsItsGainInOneMorePassThatMeasuresItThroughTheLimiterAtItsLadder(@TempDir Path dir) throws Exception {
        // as a merged video's mix is mastered: measured as it is made, then, since the limiter is needed, through it
        Path mix = dir.resolve("mix.wav");
        MediaProbe.ffmpeg("-f", "lavfi", "-i",
                "aevalsrc=0.08*sin(2*PI*196*t)+0.95*sin(2*PI*880*t)*lt(mod(t\\,1)\\,0.03):s=44100:d=10",
                "-ac", "2", "-c:a", "pcm_s16le", mix.toString());
        LoudnessMeasure measured = measure(mix);
        MasteringGain first = loudness.gain(Loudness.STREAMING, measured);
        assertThat(first.limited()).isTrue();
        assertThat(first.limiterRungs()).hasSize(6).first().isEqualTo(measured.truePeak() - 0.5);
        assertThat(loudness.gain(Loudness.STREAMING, new LoudnessMeasure(-20.0, -12.0, 4.0)).limiterRungs())
                .as("a gain that masters alone needs no ladder").isEmpty();

        String log = MediaProbe.ffmpegWith(loudness.ladderCommand(mix, first));
        assertThat(loudness.parseAll(log)).hasSize(first.limiterRungs().size());
        MasteringGain gain = loudness.throughLadder(first, log);

        Path out = dir.resolve("mastered.wav");
        MediaProbe.ffmpegWith(loudness.encodeCommand(mix, gain, "wav", out, true));
        LoudnessMeasure delivered = measure(out);
        assertThat(gain.rungsUsed()).isPositive();
        assertThat(delivered.integrated()).isCloseTo(-14.0, within(0.5));
        assertThat(delivered.truePeak()).isLessThanOrEqualTo(-1.0);
    }

    @Test
    void aPeakySoundIsLimitedAtTheCeilingWithTheGainItsJoinsLadderGives(@TempDir Path dir) throws Exception {
        // a quiet bed with loud strikes: the gain to -14 LUFS alone would push the strikes far over -1 dBTP, and the
        // limiter that holds them takes loudness too
        Path in = dir.resolve("peaky.wav");
        MediaProbe.ffmpeg("-f", "lavfi", "-i",
                "aevalsrc=0.08*sin(2*PI*196*t)+0.95*sin(2*PI*880*t)*lt(mod(t\\,1)\\,0.03):s=44100:d=10",
                "-ac", "2", "-c:a", "pcm_s16le", in.toString());
        MasteringGain gain = loudness.gain(Loudness.STREAMING, measure(in));
        assertThat(gain.limited()).isTrue();

        LoudnessMeasure delivered = master(in, Loudness.STREAMING, "mp3", dir.resolve("out.mp3"));

        assertThat(lastGain.rungsUsed()).as("the limiter's rungs measured in the pass after the join").isPositive();
        assertThat(lastGain.delivered()).as("a limiter's loudness is measured, not reckoned").isNull();
        assertThat(delivered.integrated()).isCloseTo(-14.0, within(0.5));
        assertThat(delivered.truePeak()).isLessThanOrEqualTo(-1.0);
    }
}
