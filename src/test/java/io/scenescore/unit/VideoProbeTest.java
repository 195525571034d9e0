package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.job.FieldError;
import io.scenescore.job.NotAVideo;
import io.scenescore.media.VideoFacts;
import io.scenescore.media.VideoProbe;
import io.scenescore.support.MediaProbe;
import io.scenescore.support.TestVideos;

/** What ffprobe says about an arriving file: a video's facts, or a 4xx naming what is not one. */
class VideoProbeTest {

    private final VideoProbe probe = new VideoProbe();

    private static ExecResult result(int exit, String stdout, String stderr) {
        ExecCommand command = new ExecCommand("/usr/bin/ffprobe", List.of(), null, 60_000L, Set.of(0), null, null, false, null);
        return new ExecResult(command, new ByteArrayInputStream(stdout.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)), exit);
    }

    @Test
    void theVideoStreamsLengthAndFrameRateAreRead() throws Exception {
        VideoFacts facts = probe.facts(result(0, """
                {"streams": [{"codec_type": "audio", "duration": "7.5"},
                             {"codec_type": "video", "codec_name": "h264", "width": 320, "height": 240,
                              "avg_frame_rate": "30000/1001", "duration": "6.006000"}],
                 "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "7.5"}}""", ""), "video", "clip.mp4");

        assertThat(facts.durationSeconds()).isEqualTo(6.006);
        assertThat(facts.frameRate()).isCloseTo(29.97, within(0.001));
        assertThat(facts.codec()).isEqualTo("h264");
        assertThat(facts.contentType()).isEqualTo("video/mp4");
        assertThat(facts.width()).isEqualTo(320);
        assertThat(facts.hasAudio()).as("it has an audio stream").isTrue();
    }

    @Test
    void matroskaKeepsTheLengthInATag() throws Exception {
        VideoFacts facts = probe.facts(result(0, """
                {"streams": [{"codec_type": "video", "codec_name": "vp9", "r_frame_rate": "25/1", "avg_frame_rate": "0/0",
                              "tags": {"DURATION": "00:01:02.500000000"}}],
                 "format": {"format_name": "matroska,webm", "duration": "62.6"}}""", ""), "video", "clip.webm");

        assertThat(facts.durationSeconds()).isEqualTo(62.5);
        assertThat(facts.frameRate()).isEqualTo(25);
        assertThat(facts.contentType()).isEqualTo("video/webm");
        assertThat(facts.hasAudio()).as("no audio stream").isFalse();
    }

    @Test
    void somethingFfprobeCannotReadIsNamedWithWhatItSaid() {
        NotAVideo refused = catchThrowableOfType(NotAVideo.class, () -> probe.facts(
                result(1, "{}", "file:/tmp/uploads/3f2a: Invalid data found when processing input\n"), "video", "notes.txt"));

        assertThat(Refusals.status(refused)).isEqualTo(422);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("video");
        assertThat(refused.getMessage()).contains("\"notes.txt\" is not a usable video").contains("Invalid data found")
                .doesNotContain("/tmp/uploads");
    }

    @Test
    void audioAloneOrCoverArtIsNotAVideo() {
        String audio = "{\"streams\": [{\"codec_type\": \"audio\", \"duration\": \"3\"}], \"format\": {\"format_name\": \"mov,mp4\"}}";
        String coverArt = "{\"streams\": [{\"codec_type\": \"audio\"}, {\"codec_type\": \"video\", \"codec_name\": \"mjpeg\","
                + " \"disposition\": {\"attached_pic\": 1}}], \"format\": {\"format_name\": \"mov,mp4\", \"duration\": \"3\"}}";
        for (String json : new String[] {audio, coverArt}) {
            NotAVideo refused = catchThrowableOfType(NotAVideo.class, () -> probe.facts(result(0, json, ""), "video_url", "song.m4a"));

            assertThat(refused.getMessage()).contains("video_url").contains("no video stream");
        }
    }

    @Test
    void aVideoWithoutALengthIsRefused() {
        NotAVideo refused = catchThrowableOfType(NotAVideo.class, () -> probe.facts(result(0,
                "{\"streams\": [{\"codec_type\": \"video\", \"codec_name\": \"h264\"}], \"format\": {\"format_name\": \"mpegts\"}}", ""),
                "video", "live.ts"));

        assertThat(refused.getMessage()).contains("length");
    }

    @Test
    void theProbeOpensOnlyALocalFileAsARealContainer() {
        List<String> args = probe.command(Path.of("/data/uploads/abc"));

        assertThat(args).containsSequence("-protocol_whitelist", "file", "-format_whitelist", "mov,matroska,avi,flv,mpegts,mpeg,ogg,asf,mxf",
                "-i", "file:/data/uploads/abc");
    }

    @Test
    void realFfprobeReadsAGeneratedVideoAndRefusesAPlaylist(@TempDir Path tmp) throws Exception {
        Path video = TestVideos.mp4(tmp.resolve("v.mp4"), 2, 25);
        Path playlist = java.nio.file.Files.writeString(tmp.resolve("p.m3u8"),
                "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:///etc/hostname\n#EXT-X-ENDLIST\n");

        VideoFacts facts = probe.facts(run(probe.command(video)), "video", "v.mp4");
        NotAVideo refused = catchThrowableOfType(NotAVideo.class, () -> probe.facts(run(probe.command(playlist)), "video", "p.m3u8"));

        assertThat(facts.durationSeconds()).isCloseTo(2.0, within(0.05));
        assertThat(facts.frameRate()).isEqualTo(25);
        assertThat(refused.getMessage()).contains("it is hls, not one of the video containers read here");
    }

    private static ExecResult run(List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(MediaProbe.tools().ffprobe()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        return result(p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
