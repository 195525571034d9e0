package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scenescore.media.MuxCommand;

/** The FFmpeg run laying the soundtrack under the video: what it reads, copies and encodes. */
class MuxCommandTest {

    private static final Path VIDEO = Path.of("/w/job/source-123.video");
    private static final Path WAV = Path.of("/w/job/soundtrack-joined.wav");
    private static final Path OUT = Path.of("/w/job/merged-muxing.mp4");

    private final List<String> args = new MuxCommand().command(VIDEO, WAV, 9, 6, "stretch", OUT);

    @Test
    void theVideoStreamIsCopiedAndTheAudioEncodedOnceToAac192() {
        assertThat(args).containsSequence("-c:v", "copy").containsSequence("-c:a", "aac", "-b:a", "192k")
                .containsSequence("-movflags", "+faststart").containsSequence("-map", "0:v:0", "-map", "[fitted]");
        assertThat(args.get(args.size() - 1)).isEqualTo("file:" + OUT);
    }

    @Test
    void theAudioComesFromTheUncompressedJoinNotTheMp3() {
        assertThat(args).contains("file:" + WAV).noneMatch(a -> a.endsWith(".mp3"));
        assertThat(args.get(args.indexOf("-filter_complex") + 1)).startsWith("[1:a]atempo=").endsWith("[fitted]");
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
