package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scenescore.media.SceneAudioCommands;

/** A scene's segment is cut or padded to its length to the sample, at 44.1 kHz. */
class SceneAudioCommandsTest {

    private static final Path RAW = Path.of("/w/scene-001-raw.wav");
    private static final Path OUT = Path.of("/w/scene-001.flac");

    private final SceneAudioCommands commands = new SceneAudioCommands();

    private static String filter(List<String> args) {
        int at = args.indexOf("-af");
        assertThat(at).as("an -af option").isNotNegative();
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
        List<String> args = commands.fit(RAW, 7.123456, 0, OUT);

        assertThat(args).containsSequence("-i", RAW.toString());
        assertThat(filter(args)).isEqualTo("aresample=44100,aformat=sample_fmts=s16:channel_layouts=stereo,"
                + "apad=whole_len=314144,atrim=end_sample=314144");
        assertThat(args).containsSequence("-c:a", "flac", OUT.toString());
        assertThat(args).endsWith(OUT.toString());
        assertThat(args).contains("-vn");
    }

    @Test
    void skipSecondsCutsTheFrontBySampleBeforePadding() {
        List<String> args = commands.fit(RAW, 4, 1.5, OUT);

        assertThat(filter(args)).isEqualTo("aresample=44100,aformat=sample_fmts=s16:channel_layouts=stereo,"
                + "atrim=start_sample=66150,asetpts=PTS-STARTPTS,apad=whole_len=176400,atrim=end_sample=176400");
    }

    @Test
    void noSkipMeansNoStartTrim() {
        assertThat(filter(commands.fit(RAW, 4, 0, OUT))).doesNotContain("start_sample").doesNotContain("asetpts");
    }

    @Test
    void silenceIsANullSourceCutToTheSceneLength() {
        List<String> args = commands.silence(3, OUT);

        assertThat(args).containsSequence("-f", "lavfi", "-i", "anullsrc=r=44100:cl=stereo");
        assertThat(filter(args)).endsWith("apad=whole_len=132300,atrim=end_sample=132300").doesNotContain("start_sample");
        assertThat(args).endsWith(OUT.toString());
    }

    @Test
    void segmentCommandsReadLocalFilesOnly() {
        assertThat(commands.fit(RAW, 1, 0, OUT)).containsSequence("-protocol_whitelist", "file,pipe,fd");
        assertThat(commands.silence(1, OUT)).containsSequence("-protocol_whitelist", "file,pipe,fd");
    }
}
