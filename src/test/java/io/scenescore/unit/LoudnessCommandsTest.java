package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.job.Loudness;
import io.scenescore.media.LoudnessCommands;
import io.scenescore.media.LoudnessMeasure;
import io.scenescore.media.MasteringGain;

/**
 * Mastering to a loudness target with real FFmpeg: measured, corrected in the one encode, and the delivered file
 * measured again lands within 0.5 LU of the target with its true peak under the ceiling.
 */
class LoudnessCommandsTest {

    /** The FFmpeg the service would run: on PATH, else the one shipped in the jar. */
    private static final String FFMPEG = io.scenescore.support.MediaProbe.tools().ffmpeg();
    private final LoudnessCommands loudness = new LoudnessCommands();

    /** Ten seconds of something music-like and loud: two tones and noise under a swelling envelope. */
    private static Path music(Path dir) throws Exception {
        Path wav = dir.resolve("music.wav");
        run(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "aevalsrc=0.6*(0.6*sin(2*PI*220*t)+0.3*sin(2*PI*330*t)+0.1*(random(0)*2-1))*(0.5+0.5*sin(2*PI*0.3*t)):s=44100:d=10",
                "-ac", "2", "-c:a", "pcm_s16le", wav.toString()));
        return wav;
    }

    private static String run(List<String> args) throws Exception {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private LoudnessMeasure measure(Path file) throws Exception {
        List<String> args = new ArrayList<>(List.of(FFMPEG));
        args.addAll(loudness.measureCommand(file));
        return loudness.parse(run(args));
    }

    /** As the run masters: the gain from the measure, tried through the limiter while it takes loudness, then the encode. */
    private LoudnessMeasure master(Path in, Loudness target, String format, Path out) throws Exception {
        MasteringGain gain = loudness.gain(target, measure(in));
        while (gain.searching()) {
            List<String> trial = new ArrayList<>(List.of(FFMPEG));
            trial.addAll(loudness.trialCommand(in, gain));
            gain.tried(loudness.parse(run(trial)));
        }
        List<String> args = new ArrayList<>(List.of(FFMPEG));
        args.addAll(loudness.encodeCommand(in, gain, format, out));
        run(args);
        return measure(out);
    }

    private LoudnessMeasure masterAndMeasure(Path dir, Loudness target, String format) throws Exception {
        return master(music(dir), target, format, dir.resolve("out." + format));
    }

    @Test
    void streamingLandsAtMinus14WithItsTruePeakUnderMinus1(@TempDir Path dir) throws Exception {
        LoudnessMeasure delivered = masterAndMeasure(dir, Loudness.STREAMING, "mp3");

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
        run(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo",
                "-t", "3", silent.toString()));

        LoudnessMeasure measured = measure(silent);

        assertThat(measured).isNotNull();
        assertThat(measured.audible()).isFalse();
        assertThat(loudness.encodeCommand(silent, loudness.gain(Loudness.STREAMING, measured), "mp3", dir.resolve("o.mp3")))
                .noneMatch(a -> a.contains("volume") || a.contains("alimiter"));
    }

    @Test
    void aPeakySoundIsLimitedAtTheCeilingAndItsGainTriedUntilItReachesTheTarget(@TempDir Path dir) throws Exception {
        // a quiet bed with loud strikes: the gain to -14 LUFS alone would push the strikes far over -1 dBTP, and the
        // limiter that holds them takes loudness too
        Path in = dir.resolve("peaky.wav");
        run(List.of(FFMPEG, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "aevalsrc=0.08*sin(2*PI*196*t)+0.95*sin(2*PI*880*t)*lt(mod(t\\,1)\\,0.03):s=44100:d=10",
                "-ac", "2", "-c:a", "pcm_s16le", in.toString()));
        MasteringGain gain = loudness.gain(Loudness.STREAMING, measure(in));
        assertThat(gain.limited()).isTrue();

        LoudnessMeasure delivered = master(in, Loudness.STREAMING, "mp3", dir.resolve("out.mp3"));

        assertThat(delivered.integrated()).isCloseTo(-14.0, within(0.5));
        assertThat(delivered.truePeak()).isLessThanOrEqualTo(-1.0);
    }
}
