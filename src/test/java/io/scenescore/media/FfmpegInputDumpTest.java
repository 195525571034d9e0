package io.scenescore.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** ffmpeg's description of its input, read as ffprobe's JSON would say it. */
class FfmpegInputDumpTest {

    private static final String MP4 = """
            Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:v.mp4':
              Metadata:
                major_brand     : isom
                encoder         : Lavf58.76.100
              Duration: 00:01:02.50, start: 0.000000, bitrate: 135 kb/s
              Stream #0:0(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 74 kb/s (default)
                Metadata:
                  handler_name    : SoundHandler
              Stream #0:1(und): Video: h264 (High 4:4:4 Predictive) (avc1 / 0x31637661), yuv444p, 320x240 [SAR 1:1 DAR 4:3], 47 kb/s, 29.97 fps, 29.97 tbr, 30k tbn, 59.94 tbc (default)
                Metadata:
                  handler_name    : VideoHandler
            At least one output file must be specified
            """;

    private static final String WEBM = """
            Input #0, matroska,webm, from 'file:v.webm':
              Metadata:
                ENCODER         : Lavf58.76.100
              Duration: 00:00:01.01, start: -0.007000, bitrate: 190 kb/s
              Stream #0:0: Video: vp9 (Profile 1), yuv444p(tv, progressive), 320x240, SAR 1:1 DAR 4:3, 25 fps, 25 tbr, 1k tbn, 1k tbc (default)
                Metadata:
                  DURATION        : 00:00:01.008000000
              Stream #0:1: Audio: opus, 48000 Hz, mono, fltp (default)
                Metadata:
                  DURATION        : 00:00:01.008000000
            At least one output file must be specified
            """;

    private static final String COVER_ART = """
            Input #0, mp3, from 'file:song.mp3':
              Duration: 00:03:00.00, start: 0.025057, bitrate: 128 kb/s
              Stream #0:0: Audio: mp3, 44100 Hz, stereo, fltp, 128 kb/s
              Stream #0:1: Video: mjpeg (Baseline), yuvj420p(pc, bt470bg/unknown/unknown), 500x500 [SAR 1:1 DAR 1:1], 90k tbr, 90k tbn, 90k tbc (attached pic)
            At least one output file must be specified
            """;

    @Test
    void anMp4IsReadAsFfprobeWouldDescribeIt() {
        JsonNode probe = FfmpegInputDump.parse(MP4);

        assertThat(FfmpegInputDump.describesInput(MP4)).isTrue();
        assertThat(probe.at("/format/format_name").asText()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(probe.at("/format/duration").asDouble()).isEqualTo(62.5);
        assertThat(probe.at("/streams/1/codec_type").asText()).isEqualTo("video");
        assertThat(probe.at("/streams/1/codec_name").asText()).isEqualTo("h264");
        assertThat(probe.at("/streams/1/width").asInt()).isEqualTo(320);
        assertThat(probe.at("/streams/1/height").asInt()).isEqualTo(240);
        assertThat(probe.at("/streams/1/avg_frame_rate").asText()).isEqualTo("30000/1001");
        assertThat(probe.at("/streams/0/codec_type").asText()).isEqualTo("audio");
        assertThat(probe.at("/streams/0/width").isMissingNode()).isTrue();
    }

    @Test
    void theFactsOfAnMp4AreTheVideoStreams() {
        VideoFacts facts = VideoProbe.facts(FfmpegInputDump.parse(MP4), "video", "v.mp4");

        assertThat(facts.durationSeconds()).isEqualTo(62.5);
        assertThat(facts.frameRate()).isCloseTo(29.97, within(0.001));
        assertThat(facts.codec()).isEqualTo("h264");
        assertThat(facts.contentType()).isEqualTo("video/mp4");
    }

    @Test
    void matroskasStreamDurationTagWinsOverTheContainersLength() {
        VideoFacts facts = VideoProbe.facts(FfmpegInputDump.parse(WEBM), "video", "v.webm");

        assertThat(facts.durationSeconds()).isEqualTo(1.008);
        assertThat(facts.frameRate()).isEqualTo(25);
        assertThat(facts.contentType()).isEqualTo("video/webm");
    }

    @Test
    void coverArtIsNotAVideoStream() {
        JsonNode probe = FfmpegInputDump.parse(COVER_ART);

        assertThat(probe.at("/streams/1/disposition/attached_pic").asInt()).isEqualTo(1);
    }

    @Test
    void anErrorIsNotADescription() {
        assertThat(FfmpegInputDump.describesInput("file:t.txt: Invalid data found when processing input")).isFalse();
    }

    @Test
    void printedRatesAreReadBackAsTheirFractions() {
        assertThat(FfmpegInputDump.rate(23.98)).isEqualTo("24000/1001");
        assertThat(FfmpegInputDump.rate(59.94)).isEqualTo("60000/1001");
        assertThat(FfmpegInputDump.rate(25)).isEqualTo("25/1");
        assertThat(FfmpegInputDump.rate(12.5)).isEqualTo("12500/1000");
    }
}
