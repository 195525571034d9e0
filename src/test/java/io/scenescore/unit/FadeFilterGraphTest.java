package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scenescore.media.FadeFilterGraph;

/** Pieces fade out and in only where they meet, then are concatenated; the commands around the graph. */
class FadeFilterGraphTest {

    private final FadeFilterGraph join = new FadeFilterGraph();

    @Test
    void aSinglePieceHasNoFadeAtAll() {
        assertThat(FadeFilterGraph.graph(List.of(8.0), 1.0))
                .isEqualTo("[0:a]anull[p0];[p0]concat=n=1:v=0:a=1[joined]");
    }

    @Test
    void twoPiecesFadeOnlyAtTheirJoin() {
        assertThat(FadeFilterGraph.graph(List.of(5.0, 7.0), 1.0)).isEqualTo(
                "[0:a]afade=t=out:st=4.000000:d=1.000000[p0];"
                        + "[1:a]afade=t=in:st=0:d=1.000000[p1];"
                        + "[p0][p1]concat=n=2:v=0:a=1[joined]");
    }

    @Test
    void aMiddlePieceFadesInAtItsStartAndOutAtItsDurationMinusTheFade() {
        assertThat(FadeFilterGraph.graph(List.of(4.0, 6.25, 3.0), 1.5)).isEqualTo(
                "[0:a]afade=t=out:st=2.500000:d=1.500000[p0];"
                        + "[1:a]afade=t=in:st=0:d=1.500000,afade=t=out:st=4.750000:d=1.500000[p1];"
                        + "[2:a]afade=t=in:st=0:d=1.500000[p2];"
                        + "[p0][p1][p2]concat=n=3:v=0:a=1[joined]");
    }

    @Test
    void aFadeOfZeroPassesEveryPieceThroughUntouched() {
        assertThat(FadeFilterGraph.graph(List.of(4.0, 6.0, 3.0), 0)).isEqualTo(
                "[0:a]anull[p0];[1:a]anull[p1];[2:a]anull[p2];[p0][p1][p2]concat=n=3:v=0:a=1[joined]");
    }

    @Test
    void theFirstPieceNeverFadesInAndTheLastNeverFadesOut() {
        String graph = FadeFilterGraph.graph(List.of(3.0, 3.0, 3.0, 3.0), 0.5);

        assertThat(graph).startsWith("[0:a]afade=t=out:");
        assertThat(graph).contains("[3:a]afade=t=in:st=0:d=0.500000[p3];");
        assertThat(graph.split("afade=t=in", -1)).hasSize(4);
        assertThat(graph.split("afade=t=out", -1)).hasSize(4);
    }

    /** Every piece brought to 44.1 kHz 16-bit stereo first: segments are stored at their source's rate. */
    private static final String FORMATTED_2 = "[0:a]aresample=44100,aformat=sample_fmts=s16:channel_layouts=stereo[f0];"
            + "[1:a]aresample=44100,aformat=sample_fmts=s16:channel_layouts=stereo[f1];";
    private static final String FORMATTED_3 = FORMATTED_2 + "[2:a]aresample=44100,aformat=sample_fmts=s16:channel_layouts=stereo[f2];";

    @Test
    void aJoinThatMeasuresSplitsTheJoinedAudioForItsMeter() {
        List<String> args = join.joinCommand(List.of(Path.of("a.wav"), Path.of("b.wav")), List.of(2.0, 2.0), 0.5, "fade",
                Path.of("/w/joined.wav"), "ebur128");

        assertThat(args.get(args.indexOf("-filter_complex") + 1)).endsWith(";[joined]asplit=2[wav][measure];[measure]ebur128[measured]");
        assertThat(args).containsSequence("-map", "[wav]", "-c:a", "pcm_s16le", "/w/joined.wav", "-map", "[measured]", "-f", "null", "-");
    }

    @Test
    void aWavRunJoinsThePiecesInOrderIntoPcmWavOnly() {
        List<Path> pieces = List.of(Path.of("/w/scene-000.flac"), Path.of("/w/scene-001.flac"), Path.of("/w/scene-002.flac"));
        List<Double> durations = List.of(4.0, 5.0, 6.0);

        List<String> args = join.joinCommand(pieces, durations, 1.0, "fade", Path.of("/w/joined.wav"), null);

        assertThat(args).containsSequence("-i", "file:/w/scene-000.flac", "-protocol_whitelist", "file", "-i", "file:/w/scene-001.flac",
                "-protocol_whitelist", "file", "-i", "file:/w/scene-002.flac", "-filter_complex", FORMATTED_3
                + FadeFilterGraph.graph(durations, 1.0).replace("[0:a]", "[f0]").replace("[1:a]", "[f1]").replace("[2:a]", "[f2]"),
                "-map", "[joined]", "-c:a", "pcm_s16le", "/w/joined.wav");
        assertThat(args).endsWith("/w/joined.wav");
        assertThat(args).filteredOn("-i"::equals).hasSize(3);
        assertThat(args).doesNotContain("libmp3lame", "-f");
    }

    @Test
    void aJoinThatMeasuresWritesTheWavAndMeasuresTheSameAudioInOneRun() {
        List<Double> durations = List.of(4.0, 5.0);

        List<String> args = join.joinCommand(List.of(Path.of("a.flac"), Path.of("b.flac")), durations, 1.0, "fade",
                Path.of("/w/joined.wav"), "loudnorm=print_format=json");

        assertThat(args).containsSequence("-filter_complex",
                FORMATTED_2 + FadeFilterGraph.graph(durations, 1.0).replace("[0:a]", "[f0]").replace("[1:a]", "[f1]")
                + ";[joined]asplit=2[wav][measure];[measure]loudnorm=print_format=json[measured]",
                "-map", "[wav]", "-c:a", "pcm_s16le", "/w/joined.wav", "-map", "[measured]", "-f", "null", "-");
        // loudnorm reports at info level
        assertThat(args).containsSequence("-loglevel", "info");
    }

    @Test
    void crossfadesChainEqualPowerOverlapsAtEachJoin() {
        assertThat(FadeFilterGraph.crossfadeGraph(3, 1.5)).isEqualTo(
                "[0:a][1:a]acrossfade=d=1.500000:c1=qsin:c2=qsin[x1];[x1][2:a]acrossfade=d=1.500000:c1=qsin:c2=qsin[joined]");
        assertThat(FadeFilterGraph.crossfadeGraph(1, 1.5)).isEqualTo("[0:a]anull[p0];[p0]concat=n=1:v=0:a=1[joined]");
        assertThat(FadeFilterGraph.crossfadeGraph(2, 0)).doesNotContain("acrossfade");
        assertThat(join.joinCommand(List.of(Path.of("a.flac"), Path.of("b.flac")), List.of(2.0, 2.0), 0.5, "crossfade",
                Path.of("j.wav"), null)).contains(FORMATTED_2 + FadeFilterGraph.crossfadeGraph(2, 0.5).replace("[0:a]", "[f0]").replace("[1:a]", "[f1]"));
    }

    @Test
    void theJoinStartsQuietOverwritingAndReadingLocalFilesOnly() {
        List<String> args = join.joinCommand(List.of(Path.of("a.flac")), List.of(1.0), 0, "fade", Path.of("j.wav"), null);

        assertThat(args).startsWith("-hide_banner", "-nostdin", "-loglevel", "error", "-y");
        assertThat(args).containsSequence("-protocol_whitelist", "file,pipe,fd");
        assertThat(args.indexOf("-protocol_whitelist")).isLessThan(args.indexOf("-i"));
    }

    @Test
    void everyPieceCarriesItsOwnProtocolWhitelist() {
        // FFmpeg applies -protocol_whitelist to the one input it precedes
        List<String> args = join.joinCommand(List.of(Path.of("/w/a.flac"), Path.of("/w/b.flac")), List.of(2.0, 2.0), 0.5, "fade",
                Path.of("/w/j.wav"), null);

        for (String input : List.of("file:/w/a.flac", "file:/w/b.flac")) {
            int at = args.indexOf(input);
            assertThat(args.subList(at - 3, at)).containsExactly("-protocol_whitelist", "file", "-i");
        }
    }
}
