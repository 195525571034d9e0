package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scenescore.media.RawAudio;
import io.scenescore.media.SceneAudioCommands;

/** When FFmpeg cuts a scene's segment (pieces that are not 16-bit PCM WAVs), it is cut or padded to its length to the sample, at 44.1 kHz. */
class SceneAudioCommandsTest {

    private static final Path RAW = Path.of("/w/scene-001-raw.wav");
    private static final Path OUT = Path.of("/w/scene-001.wav");

    private final SceneAudioCommands commands = new SceneAudioCommands();

    private static String filter(List<String> args) {
        int at = args.indexOf("-filter_complex");
        assertThat(at).as("a -filter_complex option").isNotNegative();
        return args.get(at + 1);
    }

    @Test
    void samplesAreSecondsTimes44100RoundedToTheNearest() {
        assertThat(SceneAudioCommands.samples(1)).isEqualTo(44_100);
        assertThat(SceneAudioCommands.samples(2.5)).isEqualTo(110_250);
        assertThat(SceneAudioCommands.samples(1 / 3.0)).isEqualTo(14_700);
        assertThat(SceneAudioCommands.samples(7.123456)).isEqualTo(314_144);
        assertThat(SceneAudioCommands.samples(0.00002)).isEqualTo(1);
    }

    @Test
    void fitPadsThenTrimsToTheExactSampleCount() {
        List<String> args = commands.fit(RawAudio.of(RAW), 7.123456, OUT);

        assertThat(args).containsSequence("-protocol_whitelist", "file", "-i", "file:" + RAW);
        assertThat(filter(args)).isEqualTo("[0:a]aresample=44100,aformat=sample_fmts=s16:channel_layouts=stereo[c0];"
                + "[c0]concat=n=1:v=0:a=1[raw];[raw]apad=whole_len=314144,atrim=end_sample=314144[segment]");
        assertThat(args).containsSequence("-map", "[segment]", "-c:a", "pcm_s16le", "-f", "wav", OUT.toString());
        assertThat(args).endsWith(OUT.toString());
    }

    @Test
    void chainedPiecesHaveTheirWindowsCutThenPlayInTurn() {
        Path second = Path.of("/w/scene-001-prediction-01.wav");
        List<String> args = commands.fit(new RawAudio(List.of(RAW, second), List.of(2, 3)), 4, OUT);

        assertThat(args).containsSequence("-i", "file:" + RAW, "-protocol_whitelist", "file", "-i", "file:" + second);
        assertThat(filter(args)).isEqualTo(
                "[0:a]atrim=start=2,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=s16:channel_layouts=stereo[c0];"
                + "[1:a]atrim=start=3,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=s16:channel_layouts=stereo[c1];"
                + "[c0][c1]concat=n=2:v=0:a=1[raw];[raw]apad=whole_len=176400,atrim=end_sample=176400[segment]");
    }

    @Test
    void noSkipMeansNoStartTrim() {
        assertThat(filter(commands.fit(RawAudio.of(RAW), 4, OUT))).doesNotContain("atrim=start").doesNotContain("asetpts");
    }

    @Test
    void silenceIsANullSourceCutToTheSceneLength() {
        List<String> args = commands.fit(RawAudio.silence(), 3, OUT);

        assertThat(args).containsSequence("-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo");
        assertThat(filter(args)).endsWith("apad=whole_len=132300,atrim=end_sample=132300[segment]").doesNotContain("atrim=start");
        assertThat(args).endsWith(OUT.toString());
    }

    @Test
    void segmentCommandsReadLocalFilesOnly() {
        assertThat(commands.fit(RawAudio.of(RAW), 1, OUT)).containsSequence("-protocol_whitelist", "file,pipe,fd");
        assertThat(commands.fit(RawAudio.silence(), 1, OUT)).containsSequence("-protocol_whitelist", "file,pipe,fd");
    }
}
