package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scenescore.job.Loudness;
import io.scenescore.media.LoudnessCommands;
import io.scenescore.media.LoudnessMeasure;
import io.scenescore.media.MasteringGain;
import io.scenescore.media.MuxCommand;

/** The FFmpeg run laying the soundtrack under the video: what it reads, copies and encodes. */
class MuxCommandTest {

    private static final Path VIDEO = Path.of("/w/job/source-123.video");
    private static final Path WAV = Path.of("/w/job/video-mix.wav");
    private static final Path OUT = Path.of("/w/job/merged-muxing.mp4");

    // the mix measured -20 LUFS with its true peak at -12 dBTP: mastered to -14 LUFS by 6 dB, no limiter needed
    private final List<String> args = new MuxCommand().command(VIDEO, WAV,
            new LoudnessCommands().gain(Loudness.STREAMING, new LoudnessMeasure(-20.0, -12.0, 4.0)), OUT, false);

    @Test
    void theVideoStreamIsCopiedAndTheAudioEncodedOnceToAac192() {
        assertThat(args).containsSequence("-c:v", "copy").containsSequence("-c:a", "aac", "-b:a", "192k")
                .containsSequence("-movflags", "+faststart").containsSequence("-map", "0:v:0", "-map", "[fitted]");
        assertThat(args.get(args.size() - 1)).isEqualTo("file:" + OUT);
    }

    @Test
    void theAudioIsTheUncompressedMixMasteredInTheOneEncode() {
        assertThat(args).contains("file:" + WAV).noneMatch(a -> a.endsWith(".mp3"));
        assertThat(args.get(args.indexOf("-filter_complex") + 1)).startsWith("[1:a]volume=6.00dB,").endsWith("[fitted]");
    }

    @Test
    void withoutALoudnessTargetTheMixIsEncodedAsItIsAndMeasuredAsItIsEncoded() {
        MasteringGain none = new LoudnessCommands().gain(Loudness.NONE, new LoudnessMeasure(-20.0, -12.0, 4.0));
        // nothing mastered: nothing to reckon the delivered loudness from, so the mux measures (Soundtracks.muxCommand)
        assertThat(none.delivered()).isNull();
        List<String> plain = new MuxCommand().command(VIDEO, WAV, none, OUT, true);

        assertThat(plain.get(plain.indexOf("-filter_complex") + 1)).isEqualTo(
                "[1:a]aformat=channel_layouts=stereo,asplit=2[fitted][measure];[measure]ebur128=peak=true:framelog=verbose[measured]");
    }

    @Test
    void measuredItMetersWhatGoesIntoTheEncoderOnABranchOfItsGraph() {
        List<String> measured = new MuxCommand().command(VIDEO, WAV,
                new LoudnessCommands().gain(Loudness.STREAMING, new LoudnessMeasure(-20.0, -3.0, 4.0)), OUT, true);

        assertThat(measured.get(measured.indexOf("-filter_complex") + 1))
                .contains("alimiter").endsWith(",asplit=2[fitted][measure];[measure]ebur128=peak=true:framelog=verbose[measured]");
        assertThat(measured).containsSequence("-loglevel", "info").containsSequence("-map", "[measured]", "-f", "null", "-")
                .contains("file:" + OUT);
        assertThat(args).doesNotContain("[measured]");
    }

    @Test
    void everyInputIsALocalFileAndTheVideoOnlyARealContainer() {
        int video = args.indexOf("file:" + VIDEO);
        int wav = args.indexOf("file:" + WAV);
        assertThat(args.subList(video - 5, video)).containsExactly("-protocol_whitelist", "file", "-format_whitelist",
                "mov,matroska,avi,flv,mpegts,mpeg,ogg,asf,mxf", "-i");
        assertThat(args.subList(wav - 3, wav)).containsExactly("-protocol_whitelist", "file", "-i");
        assertThat(args).filteredOn("-i"::equals).hasSize(2);
    }

    @Test
    void aCorruptSourceFailsTheMergeInsteadOfMakingABrokenVideo() {
        assertThat(args).contains("-xerror").contains("-nostdin");
        assertThat(args.indexOf("-xerror")).isLessThan(args.indexOf("-i"));
    }
}
