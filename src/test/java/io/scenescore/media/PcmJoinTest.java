package io.scenescore.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.support.MediaProbe;

/**
 * The join on PCM against FFmpeg's join of the same pieces (CrossfadeJoinTest checks the curves of both): pieces at
 * MusicGen's rate, the soundtrack's length, what it measures of itself against what FFmpeg's meter measures of
 * FFmpeg's join, and the pieces it leaves to FFmpeg.
 */
class PcmJoinTest {

    private static final double FADE = 0.5;

    /** Three pieces of music-like sound (a tone over a noise bed, louder in the second) at {@code rate}. */
    private static List<Path> pieces(Path dir, int rate, int... channels) throws Exception {
        List<Path> files = new ArrayList<>();
        double[] seconds = {4.5, 4.5, 3.0};
        double[] level = {0.1, 0.4, 0.2};
        for (int i = 0; i < 3; i++) {
            Path piece = dir.resolve("piece-" + i + ".wav");
            MediaProbe.ffmpeg("-f", "lavfi", "-i", "aevalsrc=" + level[i] + "*sin(2*PI*" + (220 * (i + 1)) + "*t)*(0.7+0.3*sin(2*PI*2*t))"
                    + "+0.05*(random(0)-0.5):s=" + rate + ":d=" + seconds[i], "-ac", String.valueOf(channels[i % channels.length]),
                    "-c:a", "pcm_s16le", piece.toString());
            files.add(piece);
        }
        return files;
    }

    private static Path ffmpegJoin(List<Path> pieces, String transition, Path joined) throws Exception {
        List<Double> durations = new ArrayList<>();
        for (Path piece : pieces) {
            durations.add(new WavLength().seconds(piece));
        }
        MediaProbe.ffmpegWith(new FadeFilterGraph().joinCommand(pieces, durations, FADE, transition, joined, null));
        return joined;
    }

    @Test
    void atMusicGensRateItMeasuresWhatFfmpegsMeterMeasuresOfFfmpegsJoin(@TempDir Path dir) throws Exception {
        for (String transition : List.of("crossfade", "fade")) {
            List<Path> pieces = pieces(dir, 32000, 1);
            Path pcm = dir.resolve(transition + "-pcm.wav");
            LoudnessMeasure measured = new PcmJoin().join(pieces, FADE, transition, pcm);
            Path ffmpeg = ffmpegJoin(pieces, transition, dir.resolve(transition + "-ffmpeg.wav"));
            LoudnessMeasure ffmpegs = meter(ffmpeg);

            assertThat(PcmSceneFit.read(pcm).rate()).as("at the pieces' own rate").isEqualTo(32000);
            assertThat(PcmSceneFit.read(pcm).channels()).as("stereo").isEqualTo(2);
            assertThat(new WavLength().seconds(pcm)).as(transition).isCloseTo(new WavLength().seconds(ffmpeg), within(1.0 / 32000));
            assertThat(measured.integrated()).as(transition + " integrated, FFmpeg %s", ffmpegs).isCloseTo(ffmpegs.integrated(), within(0.1));
            assertThat(measured.truePeak()).as(transition + " true peak").isCloseTo(ffmpegs.truePeak(), within(0.2));
            assertThat(measured.range()).as(transition + " range").isCloseTo(ffmpegs.range(), within(0.3));
            assertThat(meter(pcm).integrated()).as("FFmpeg's meter on the PCM join")
                    .isCloseTo(measured.integrated(), within(0.1));
        }
    }

    /** At the soundtrack's own rate FFmpeg resamples nothing: the two joins write the same samples, to rounding. */
    @Test
    void at44kItWritesFfmpegsSamplesWithinTwoSteps(@TempDir Path dir) throws Exception {
        for (String transition : List.of("crossfade", "fade")) {
            List<Path> pieces = pieces(dir, 44100, 2, 1);
            short[] pcm = samples(dir.resolve(transition + "-pcm.wav"), new PcmJoin().join(pieces, FADE, transition, dir.resolve(transition + "-pcm.wav")));
            short[] ffmpeg = samples(ffmpegJoin(pieces, transition, dir.resolve(transition + "-ffmpeg.wav")), "FFmpeg's");

            assertThat(pcm.length).as(transition).isEqualTo(ffmpeg.length);
            int worst = 0;
            for (int i = 0; i < pcm.length; i++) {
                worst = Math.max(worst, Math.abs(pcm[i] - ffmpeg[i]));
            }
            assertThat(worst).as(transition + ": the largest difference, in steps of 16 bits").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aPieceShorterThanTheOverlapsItGivesIsLeftToFfmpeg(@TempDir Path dir) throws Exception {
        List<Path> pieces = new ArrayList<>(pieces(dir, 32000, 2));
        Path short_ = dir.resolve("short.wav");
        // 0.8 s: enough for one overlap of 0.5 s, not for one at each end
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "sine=f=330:r=32000", "-t", "0.8", "-ac", "2", "-c:a", "pcm_s16le", short_.toString());
        pieces.set(1, short_);
        Path out = dir.resolve("joined.wav");

        assertThat(new PcmJoin().join(pieces, FADE, "crossfade", out)).isNull();
        assertThat(out).doesNotExist();
    }

    private static short[] samples(Path wav, Object joined) throws Exception {
        assertThat(joined).as("joined").isNotNull();
        PcmSceneFit.PcmWav format = PcmSceneFit.read(wav);
        byte[] bytes = Files.readAllBytes(wav);
        short[] samples = new short[(int) format.dataBytes() / 2];
        java.nio.ByteBuffer.wrap(bytes, (int) format.dataOffset(), (int) format.dataBytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer().get(samples);
        return samples;
    }

    @Test
    void aMonoPieceIsSpreadOverBothChannelsAsFfmpegDoes(@TempDir Path dir) throws Exception {
        List<Path> pieces = pieces(dir, 44100, 2, 1);
        Path pcm = dir.resolve("pcm.wav");
        LoudnessMeasure measured = new PcmJoin().join(pieces, FADE, "crossfade", pcm);
        LoudnessMeasure ffmpegs = meter(ffmpegJoin(pieces, "crossfade", dir.resolve("ffmpeg.wav")));

        assertThat(PcmSceneFit.read(pcm).channels()).isEqualTo(2);
        assertThat(measured.integrated()).isCloseTo(ffmpegs.integrated(), within(0.1));
    }

    @Test
    void piecesOfMixedRatesOrKindsAreLeftToFfmpeg(@TempDir Path dir) throws Exception {
        List<Path> pieces = new ArrayList<>(pieces(dir, 32000, 2));
        Path other = dir.resolve("other.wav");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "sine=f=440:r=44100", "-t", "2", "-ac", "2", "-c:a", "pcm_s16le", other.toString());
        Path flac = dir.resolve("piece.flac");
        MediaProbe.ffmpeg("-i", pieces.get(0).toString(), "-c:a", "flac", flac.toString());
        Path out = dir.resolve("joined.wav");

        assertThat(new PcmJoin().join(List.of(pieces.get(0), other, pieces.get(1)), FADE, "crossfade", out)).isNull();
        assertThat(new PcmJoin().join(List.of(pieces.get(0), flac), FADE, "crossfade", out)).isNull();
        assertThat(out).doesNotExist();
        assertThat(new PcmJoin().join(pieces, FADE, "crossfade", out)).isNotNull();
        assertThat(Files.size(out)).isGreaterThan(44);
    }

    @Test
    void aFailedScenesSilenceAtAnotherRateIsSilenceOfItsLength(@TempDir Path dir) throws Exception {
        List<Path> pieces = new ArrayList<>(pieces(dir, 32000, 2));
        // what PcmSceneFit writes for a scene that failed: silence at 44.1 kHz, here 2.5 s long
        Path silence = dir.resolve("silence.wav");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo", "-t", "2.5", "-c:a", "pcm_s16le", silence.toString());
        pieces.set(1, silence);
        Path out = dir.resolve("joined.wav");
        Path first = dir.resolve("first.wav");

        LoudnessMeasure measured = new PcmJoin().join(pieces, FADE, "crossfade", out);

        assertThat(measured).as("joined on PCM").isNotNull();
        assertThat(new PcmJoin().join(List.of(silence, pieces.get(2)), FADE, "crossfade", first))
                .as("the silence first, the music at its own rate after it").isNotNull();
        assertThat(PcmSceneFit.read(first).rate()).isEqualTo(32000);
        assertThat(PcmSceneFit.read(out).rate()).isEqualTo(32000);
        assertThat(new WavLength().seconds(out)).isCloseTo(4.5 + 2.5 + 3.0 - 2 * FADE, within(1.0 / 32000));
        io.scenescore.support.ToneLevels levels = io.scenescore.support.ToneLevels.of(out, null);
        assertThat(levels.rms(4.6, 1.0)).as("silence where the failed scene was").isLessThan(-80);
        assertThat(levels.rms(1.0, 1.0)).as("music before it").isGreaterThan(-40);
    }

    private static LoudnessMeasure meter(Path file) throws Exception {
        return MediaProbe.meter("-i", file.toString());
    }
}
