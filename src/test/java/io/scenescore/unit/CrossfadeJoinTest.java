package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.scenescore.job.AudioParams;
import io.scenescore.job.Scene;
import io.scenescore.media.FadeFilterGraph;
import io.scenescore.media.PcmJoin;
import io.scenescore.media.SceneAudioCommands;
import io.scenescore.media.WavLength;
import io.scenescore.run.RunPlan;
import io.scenescore.support.MediaProbe;
import io.scenescore.support.ToneLevels;

/**
 * The default join, crossfade, by both joins (FFmpeg's graph, and the join on PCM that a run takes when its pieces
 * share a rate): pieces made longer by the fade (as RunPlan makes them) overlap by it,
 * so the soundtrack lasts exactly the sum of the scenes, to the sample; the overlap is equal power (quarter-sine
 * curves), so two unrelated pieces at the same level keep that level through it, where fade dips to silence.
 */
class CrossfadeJoinTest {

    static final double FADE = 1.0;
    static final List<Double> SCENES = List.of(2.5, 3.25, 2.0);

    enum Join { FFMPEG, PCM }

    /** The pieces of the scenes as a crossfading run makes them: 440, 660 and 550 Hz tones at -12 dBFS peak. */
    private static List<Path> pieces(Path dir, RunPlan plan) throws Exception {
        List<Path> files = new ArrayList<>();
        int[] hz = {440, 660, 550};
        for (Scene scene : plan.scenes()) {
            Path piece = dir.resolve("piece-" + scene.index() + ".wav");
            MediaProbe.ffmpeg("-f", "lavfi", "-i", "aevalsrc=0.251*sin(2*PI*" + hz[scene.index()] + "*t):s=44100:c=stereo",
                    "-t", String.valueOf(plan.pieceSeconds(scene)), "-c:a", "pcm_s16le", piece.toString());
            files.add(piece);
        }
        return files;
    }

    private static RunPlan plan(Path dir) {
        return plan(dir, AudioParams.defaults());
    }

    private static RunPlan plan(Path dir, AudioParams params) {
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < SCENES.size(); i++) {
            scenes.add(new Scene(i, null, "scene " + i, SCENES.get(i), null, null, null, null));
        }
        return new RunPlan("job", scenes, params, "composer", dir);
    }

    private static Path join(Path dir, String transition, Join join) throws Exception {
        AudioParams d = AudioParams.defaults();
        RunPlan plan = plan(dir, new AudioParams(d.prompt(), FADE, transition, d.syncMode(), false, d.errorStrategy(), d.modelVersion(),
                "wav", null, d.loudness()));
        List<Path> pieces = pieces(dir, plan);
        List<Double> lengths = plan.scenes().stream().map(plan::pieceSeconds).toList();
        Path joined = dir.resolve(transition + ".wav");
        if (join == Join.PCM) {
            assertThat(new PcmJoin().join(pieces, FADE, transition, joined)).as("joined on PCM").isNotNull();
            return joined;
        }
        MediaProbe.ffmpegWith(new FadeFilterGraph().joinCommand(pieces, lengths, FADE, transition, joined, null));
        return joined;
    }

    @Test
    void crossfadeIsTheDefaultAndItsPiecesAreLongerByTheFadeButTheLast(@TempDir Path dir) {
        RunPlan plan = plan(dir);

        assertThat(plan.params().transition()).isEqualTo("crossfade");
        assertThat(plan.scenes().stream().map(plan::pieceSeconds)).containsExactly(3.5, 4.25, 2.0);
    }

    @ParameterizedTest
    @EnumSource(Join.class)
    void theCrossfadedSoundtrackLastsExactlyTheSumOfTheScenes(Join join, @TempDir Path dir) throws Exception {
        Path joined = join(dir, "crossfade", join);

        double sum = SCENES.stream().mapToDouble(Double::doubleValue).sum();
        assertThat(new WavLength().seconds(joined) * SceneAudioCommands.SAMPLE_RATE)
                .as("samples").isCloseTo(sum * SceneAudioCommands.SAMPLE_RATE, within(0.5));
    }

    @ParameterizedTest
    @EnumSource(Join.class)
    void theOverlapIsEqualPowerWhereFadeDips(Join join, @TempDir Path dir) throws Exception {
        ToneLevels crossfaded = ToneLevels.of(join(dir, "crossfade", join), null);
        Path fadeDir = java.nio.file.Files.createDirectories(dir.resolve("fade"));
        ToneLevels faded = ToneLevels.of(join(fadeDir, "fade", join), null);

        // the first join: the overlap runs from 2.5 s to 3.5 s of the crossfaded soundtrack, its middle at 3.0 s
        double steady = crossfaded.rms(1.0, 1.0);
        assertThat(crossfaded.rms(2.9, 0.2)).as("the middle of the overlap against the steady part").isCloseTo(steady, within(0.5));
        assertThat(crossfaded.tone(440, 2.9, 0.2)).as("each piece at -3 dB there (quarter sine)").isCloseTo(-12 - 3, within(0.5));
        assertThat(crossfaded.tone(660, 2.9, 0.2)).isCloseTo(-12 - 3, within(0.5));
        // fade: the pieces are the scenes' own lengths, the first join at 2.5 s, out then in: a dip to silence there
        assertThat(faded.rms(2.45, 0.1)).as("fade: out then in, silent at the join").isLessThan(steady - 20);
    }
}
