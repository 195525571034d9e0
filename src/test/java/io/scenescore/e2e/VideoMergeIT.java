package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;
import io.scenescore.support.TestVideos;
import io.scenescore.support.VideoApi;

/**
 * The soundtrack laid under a 5.96 s, 25 fps video (149 frames) in every sync mode, with music shorter (4 s) and longer (9 s) than
 * the video, checked with ffprobe: the audio stream lasts as long as the video stream within one frame, it is AAC
 * at 192 kb/s, the video stream's bytes are the source's, and the source video is unchanged.
 */
class VideoMergeIT {

    static final double VIDEO_SECONDS = 5.96;
    static final double FRAME = 1.0 / 25;
    // the composer: music audible from start to end, so the AAC's bit rate can be measured
    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.provider", "composer"));
    static TestDatabase db;
    static RunningService service;
    static Path source;
    static String sourceVideoMd5;
    static String sourceSha256;

    @BeforeAll
    static void makeSource(@TempDir Path tmp) throws Exception {
        source = TestVideos.mp4WithSpeech(tmp.resolve("interview.mp4"), VIDEO_SECONDS, 25);
        sourceVideoMd5 = MediaProbe.videoStreamMd5(source);
        sourceSha256 = sha256(Files.readAllBytes(source));
    }

    /** mode, music length, and until when the merged audio is music (after that: silence padding). */
    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("trim", 4.0, 4.0),
                Arguments.of("trim", 9.0, VIDEO_SECONDS),
                Arguments.of("stretch", 4.0, VIDEO_SECONDS),
                Arguments.of("stretch", 9.0, VIDEO_SECONDS),
                Arguments.of("compress", 4.0, 4.0),
                Arguments.of("compress", 9.0, VIDEO_SECONDS));
    }

    @ParameterizedTest(name = "{0} with {1} s of music")
    @MethodSource("modes")
    void theMergedAudioLastsAsLongAsTheVideoAndTheVideoIsUntouched(String mode, double musicSeconds, double musicUntil,
                                                                   @TempDir Path tmp) throws Exception {
        String jobId = VideoApi.createJob(service, "{\"video_name\": \"interview\", \"storyboard\": {\"scenes\": [{\"description\": "
                + "\"a calm conversation in a sunny kitchen\", \"music_style\": \"piano\", \"duration\": " + musicSeconds + "}]}}",
                source, "interview.mp4");

        // the music alone (mix replace), so that where it ends the padding is silent; the mixes have MixUnderVideoIT
        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true, \"sync_mode\": \"" + mode
                + "\", \"mix\": \"replace\", \"seed\": 3}}");
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(120));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/video/available").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.at("/video/error").isNull()).isTrue();
        assertThat(status.at("/audio/duration_seconds").asDouble()).as("the soundtrack keeps the storyboard's length")
                .isCloseTo(musicSeconds, within(0.01));

        Path merged = tmp.resolve("merged.mp4");
        HttpResponse<Path> download = VideoApi.downloadVideo(service, jobId, merged);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(download.headers().firstValue("Content-Length")).contains(String.valueOf(Files.size(merged)));
        assertThat(status.at("/video/size_bytes").asLong()).isEqualTo(Files.size(merged));

        JsonNode probe = MediaProbe.probe(merged);
        JsonNode video = stream(probe, "video");
        JsonNode audio = stream(probe, "audio");
        assertThat(probe.path("streams")).hasSize(2);
        assertThat(video.path("duration").asDouble()).isCloseTo(VIDEO_SECONDS, within(FRAME));
        assertThat(audio.path("duration").asDouble()).as("audio against video").isCloseTo(video.path("duration").asDouble(), within(FRAME));
        assertThat(audio.path("codec_name").asText()).isEqualTo("aac");
        assertThat(MediaProbe.audioBitRate(merged, 0.5, musicUntil - 0.5)).as("AAC bit rate while the music plays")
                .isCloseTo(192_000, within(192_000 * 0.1));
        assertThat(MediaProbe.videoStreamMd5(merged)).as("video stream bytes").isEqualTo(sourceVideoMd5);

        assertThat(MediaProbe.meanVolume(merged, 0.5, musicUntil - 1)).as("music").isGreaterThan(-40);
        if (musicUntil < VIDEO_SECONDS) {
            assertThat(MediaProbe.meanVolume(merged, musicUntil + 0.3, VIDEO_SECONDS - musicUntil - 0.4)).as("padding").isLessThan(-80);
        }

        assertThat(storedSourceSha256(jobId)).as("the source video after the merge").isEqualTo(sourceSha256);
        assertThat(status.at("/video/source/sha256").asText()).isEqualTo(sourceSha256);
    }

    @org.junit.jupiter.api.Test
    void crossfadedScenesStretchedToTheVideoStillLastExactlyAsLongAsIt(@TempDir Path tmp) throws Exception {
        String jobId = VideoApi.createJob(service, """
                {"storyboard": {"scenes": [{"description": "dawn", "duration": 2}, {"description": "noon", "duration": 2},
                                           {"description": "dusk", "duration": 1.96}]}}""", source, "interview.mp4");

        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true, \"sync_mode\": \"stretch\","
                + " \"transition\": \"crossfade\", \"fade_duration\": 0.5}}");
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(120));

        assertThat(status.at("/video/available").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.at("/audio/duration_seconds").asDouble()).isCloseTo(VIDEO_SECONDS, within(0.05));
        Path merged = VideoApi.downloadVideo(service, jobId, tmp.resolve("merged.mp4")).body();
        JsonNode probe = MediaProbe.probe(merged);
        assertThat(stream(probe, "audio").path("duration").asDouble()).isCloseTo(stream(probe, "video").path("duration").asDouble(), within(FRAME));
    }

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (s.path("codec_type").asText().equals(type)) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    /** The SHA-256 of the source video's bytes as PostgreSQL holds them now. */
    private static String storedSourceSha256(String jobId) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT encode(sha256(lo_get(content)), 'hex') FROM source_videos WHERE job_id = '" + jobId + "'")) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
