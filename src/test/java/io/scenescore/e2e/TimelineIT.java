package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestVideos;
import io.scenescore.support.VideoApi;

/**
 * GET /api/v3/audio/{job_id}/timeline.png over HTTP, the picture decoded and read pixel by pixel: 1600x400, the
 * scene boundaries where the storyboard's lengths put them, the waveform drawn where the (fake Replicate's) music
 * plays and not over a scene that became silence, ETag and 304, kept rather than drawn again, 404 and 409; and a
 * merged video's own sound drawn as a second lane (only when it was kept under the music: not for a video without
 * sound, nor with mix replace).
 *
 * <p>The picture's geometry (io.scenescore.timeline.TimelineRenderer): the time axis from x = 96 to x = width - 16,
 * a 30 px caption and a 46 px scene band above the lanes, a 30 px ruler below; with a video lane, it takes a third
 * of the lanes' room (less a 6 px gap) at the bottom.
 */
class TimelineIT {

    static final String TOKEN = "r8_timeline_test_token";
    static final int W = 1600;
    static final int H = 400;
    static final int LEFT = 96;
    static final int AXIS = W - LEFT - 16;
    static final int LANES_TOP = 30 + 46;
    static final int LANES_BOTTOM = H - 30;
    static final Color REPLICATE = new Color(0x5a, 0xa9, 0xf0);
    static final Color SILENCE = new Color(0x8b, 0x90, 0x9a);
    static final Color VIDEO_SOUND = new Color(0xf2, 0xa5, 0x41);

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of(
            "scenescore.replicate.poll.initial-ms", "100",
            "scenescore.replicate.poll.max-ms", "300")).withFakeReplicate(TOKEN);
    static FakeReplicate replicate;
    static RunningService service;
    static Path speakingVideo;
    static Path mutedVideo;

    @BeforeAll
    static void videos(@TempDir Path tmp) throws Exception {
        speakingVideo = TestVideos.mp4WithSpeech(tmp.resolve("talk.mp4"), 6.0, 25);
        mutedVideo = TestVideos.mp4WithoutAudio(tmp.resolve("mute.mp4"), 6.0, 25);
    }

    @BeforeEach
    void clean() {
        replicate.reset();
        replicate.setLatency(Duration.ofMillis(200));
    }

    @Test
    void scenesMusicAndSilenceAreWhereTheStoryboardPutsThem() throws Exception {
        // the first prediction fails: scene 1 becomes 2 s of silence, scenes 2 and 3 are the fake's tones, crossfaded
        replicate.failNextPredictions(1, "CUDA out of memory");
        String jobId = service.generate("""
                {"storyboard": {"scenes": [
                  {"title": "Harbour at dawn", "description": "dawn over a quiet harbour", "duration": 2},
                  {"title": "Market chase", "description": "a chase through the market", "duration": 3.5},
                  {"title": "Goodbye in the rain", "description": "a sad goodbye", "duration": 2.5}]},
                 "audio_params": {"transition": "crossfade", "fade_duration": 0.5,
                                  "error_strategy": "continue_with_silence"}}""");
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(90));
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/scenes/0/source").asText()).isEqualTo("silence");
        assertThat(status.at("/audio/timeline_url").asText()).isEqualTo("/api/v3/audio/" + jobId + "/timeline.png");

        HttpResponse<byte[]> answer = get(status.at("/audio/timeline_url").asText(), null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.body()));
        assertThat(image.getWidth()).isEqualTo(W);
        assertThat(image.getHeight()).isEqualTo(H);
        Files.write(Path.of("target", "timeline-it.png"), answer.body());

        // boundaries at 2 s and 5.5 s of 8 s: white columns through the lanes
        double total = 8.0;
        assertThat(status.at("/audio/duration_seconds").asDouble()).isCloseTo(total, within(0.01));
        List<Integer> boundaries = whiteRuns(image, LANES_TOP + 4);
        assertThat(boundaries).hasSize(2);
        assertThat(boundaries.get(0)).isCloseTo(x(2.0, total), within(2));
        assertThat(boundaries.get(1)).isCloseTo(x(5.5, total), within(2));

        // the waveform: drawn in Replicate's colour over scenes 2 and 3, nothing over the silent scene 1
        assertThat(waveformColumns(image, x(2.2, total), x(7.9, total), REPLICATE)).as("music columns")
                .isGreaterThan((x(7.9, total) - x(2.2, total)) * 9 / 10);
        for (Color any : List.of(REPLICATE, SILENCE, VIDEO_SOUND)) {
            assertThat(waveformColumns(image, LEFT, x(2.0, total) - 2, any)).as("silent scene, %s", any).isZero();
        }
        // no video: no second lane, no "video sound" in the legend
        assertThat(count(image, VIDEO_SOUND, 0, 0, W, H)).isZero();

        // the ETag: 304 when sent back; and the picture is kept, not drawn again
        String etag = answer.headers().firstValue("ETag").orElseThrow();
        assertThat(answer.headers().firstValue("Cache-Control")).isPresent();
        Path kept = service.dataDir().resolve("work").resolve(jobId).resolve("timeline-" + etag.replace("\"", "") + ".png");
        assertThat(kept).exists();
        // drawing again would write a new file and move it into place; the kept one's time says when it was last used
        Object drawn = Files.readAttributes(kept, BasicFileAttributes.class).fileKey();
        FileTime drawnAt = Files.getLastModifiedTime(kept);
        HttpResponse<byte[]> again = get(status.at("/audio/timeline_url").asText(), etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<byte[]> third = get(status.at("/audio/timeline_url").asText(), null);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.body()).isEqualTo(answer.body());
        assertThat(third.headers().firstValue("ETag")).contains(etag);
        assertThat(Files.readAttributes(kept, BasicFileAttributes.class).fileKey()).isNotNull().isEqualTo(drawn);
        assertThat(Files.getLastModifiedTime(kept)).isGreaterThanOrEqualTo(drawnAt);
        try (var scratch = Files.list(kept.getParent())) {
            assertThat(scratch.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("timeline-")))
                    .as("only the picture is left of the drawing").containsExactly(kept.getFileName().toString());
        }

        // another size is another picture, with its own ETag
        HttpResponse<byte[]> small = get(status.at("/audio/timeline_url").asText() + "?width=800&height=240", null);
        assertThat(small.statusCode()).isEqualTo(200);
        BufferedImage smallImage = ImageIO.read(new ByteArrayInputStream(small.body()));
        assertThat(smallImage.getWidth()).isEqualTo(800);
        assertThat(smallImage.getHeight()).isEqualTo(240);
        assertThat(small.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

        // a new run of the job (this time scene 1 is music too): a new soundtrack, a new picture and ETag
        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"transition\": \"crossfade\", \"fade_duration\": 0.5}}");
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("completed");
        HttpResponse<byte[]> redrawn = get(status.at("/audio/timeline_url").asText(), etag);
        assertThat(redrawn.statusCode()).isEqualTo(200);
        assertThat(redrawn.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(redrawn.body()));
        assertThat(waveformColumns(after, LEFT + 2, x(1.9, total), REPLICATE)).as("scene 1 now has music").isGreaterThan(100);
    }

    @Test
    void aMergedVideosOwnSoundIsASecondLaneUnderTheMusic() throws Exception {
        JsonNode status = mergedRun(speakingVideo, "talk.mp4", "");
        assertThat(status.at("/video/mix").asText()).isEqualTo("duck");
        BufferedImage image = picture(status, "timeline-it-video.png");

        int room = LANES_BOTTOM - LANES_TOP;
        int videoHeight = (room - 6) / 3;
        int videoTop = LANES_BOTTOM - videoHeight;
        // the speech-like track is sound from start to end: the video lane is drawn in its colour nearly everywhere
        int columns = 0;
        for (int x = LEFT + 1; x < W - 17; x++) {
            if (count(image, VIDEO_SOUND, x, videoTop, x + 1, LANES_BOTTOM) > 0) {
                columns++;
            }
        }
        assertThat(columns).as("video lane columns").isGreaterThan(AXIS * 9 / 10);
        // the music lane is above it and holds no video sound
        assertThat(count(image, VIDEO_SOUND, LEFT, LANES_TOP, W, videoTop - 6)).isZero();
        assertThat(waveformColumns(image, x(0.2, 6), x(5.8, 6), REPLICATE, LANES_TOP, videoTop - 6)).isGreaterThan(AXIS * 8 / 10);
        // the boundary at 3 s crosses both lanes
        assertThat(whiteRuns(image, LANES_TOP + 4)).singleElement().satisfies(x -> assertThat(x).isCloseTo(x(3, 6), within(2)));
        assertThat(whiteRuns(image, LANES_BOTTOM - 3)).singleElement().satisfies(x -> assertThat(x).isCloseTo(x(3, 6), within(2)));
    }

    @Test
    void theVideoLaneShowsSoundWhereTheVideoSpeaksAndNoneBetween(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(TestVideos.espeak().isPresent(), "espeak-ng is needed for speech");
        // two lines spoken at 0.3 s and 4.0 s, silence between (from about 1.5 s) and after (from about 5.5 s)
        Path spoken = TestVideos.mp4WithSpokenLines(tmp.resolve("lines.mp4"), 6.0, 25, 100,
                List.of(new TestVideos.Line(0.3, "Good morning"), new TestVideos.Line(4.0, "See you")));
        BufferedImage image = picture(mergedRun(spoken, "lines.mp4", ", \"mix\": \"blend\""), "timeline-it-lines.png");

        int room = LANES_BOTTOM - LANES_TOP;
        int videoHeight = (room - 6) / 3;
        int videoTop = LANES_BOTTOM - videoHeight;
        assertThat(waveformColumns(image, x(0.4, 6), x(0.8, 6), VIDEO_SOUND, videoTop, LANES_BOTTOM)).as("first line")
                .isGreaterThan((x(0.8, 6) - x(0.4, 6)) / 2);
        assertThat(waveformColumns(image, x(4.1, 6), x(4.5, 6), VIDEO_SOUND, videoTop, LANES_BOTTOM)).as("second line")
                .isGreaterThan((x(4.5, 6) - x(4.1, 6)) / 2);
        assertThat(count(image, VIDEO_SOUND, x(2.0, 6), videoTop, x(3.8, 6), LANES_BOTTOM)).as("between the lines").isZero();
        assertThat(count(image, VIDEO_SOUND, LEFT, videoTop, x(0.25, 6), LANES_BOTTOM)).as("before the first").isZero();
    }

    @Test
    void aMergedVideoWithoutSoundGetsNoSecondLane() throws Exception {
        JsonNode status = mergedRun(mutedVideo, "mute.mp4", "");
        assertThat(status.at("/video/mix").asText()).isEqualTo("replace");
        BufferedImage image = picture(status, "timeline-it-mute.png");

        assertThat(count(image, VIDEO_SOUND, 0, 0, W, H)).isZero();
        assertThat(waveformColumns(image, x(0.2, 6), x(5.8, 6), REPLICATE)).isGreaterThan(AXIS * 8 / 10);
    }

    @Test
    void aVideoWhoseSoundTheMusicReplacedGetsNoSecondLane() throws Exception {
        JsonNode status = mergedRun(speakingVideo, "talk.mp4", ", \"mix\": \"replace\"");
        assertThat(status.at("/video/mix").asText()).isEqualTo("replace");
        BufferedImage image = picture(status, "timeline-it-replace.png");

        assertThat(count(image, VIDEO_SOUND, 0, 0, W, H)).isZero();
        assertThat(waveformColumns(image, x(0.2, 6), x(5.8, 6), REPLICATE)).isGreaterThan(AXIS * 8 / 10);
    }

    @Test
    void unknownJobsAre404JobsWithoutASoundtrack409AndBadSizes400() throws Exception {
        HttpResponse<byte[]> unknown = get("/api/v3/audio/0b0e9a4c-3f1d-4a8e-9c51-7d2f6b8e1a00/timeline.png", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");

        HttpResponse<String> created = service.postJson("/api/v3/jobs",
                "{\"storyboard\": {\"scenes\": [{\"description\": \"a quiet street\", \"duration\": 2}]}}");
        assertThat(created.statusCode()).isEqualTo(201);
        String jobId = RunningService.json(created.body()).path("job_id").asText();
        assertThat(service.status(jobId).at("/audio/timeline_url").isNull()).isTrue();
        HttpResponse<byte[]> notReady = get("/api/v3/audio/" + jobId + "/timeline.png", null);
        assertThat(notReady.statusCode()).isEqualTo(409);
        assertThat(notReady.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(RunningService.json(new String(notReady.body())).path("detail").asText()).contains("soundtrack");

        HttpResponse<byte[]> badWidth = get("/api/v3/audio/" + jobId + "/timeline.png?width=99999", null);
        assertThat(badWidth.statusCode()).isEqualTo(400);
        assertThat(new String(badWidth.body())).contains("width");
        assertThat(get("/api/v3/audio/not-a-uuid/timeline.png", null).statusCode()).isEqualTo(400);
    }

    /** A 6 s job (two 3 s scenes) on {@code video}, merged (with more {@code params} when given). */
    static JsonNode mergedRun(Path video, String name, String params) throws Exception {
        String jobId = VideoApi.createJob(service, """
                {"storyboard": {"scenes": [{"title": "Kitchen", "description": "a calm talk in a kitchen", "duration": 3},
                                           {"title": "Garden", "description": "a walk in the garden", "duration": 3}]}}""",
                video, name);
        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true" + params + "}}");
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(120));
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/video/available").asBoolean()).as(status.toString()).isTrue();
        return status;
    }

    /** The job's timeline picture, also kept in target/ to be looked at. */
    static BufferedImage picture(JsonNode status, String keepAs) throws Exception {
        HttpResponse<byte[]> answer = get(status.at("/audio/timeline_url").asText(), null);
        assertThat(answer.statusCode()).isEqualTo(200);
        Files.write(Path.of("target", keepAs), answer.body());
        return ImageIO.read(new ByteArrayInputStream(answer.body()));
    }

    static HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        var request = service.request(path).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return VideoApi.http1(request);
    }

    /** Where second {@code t} of an axis {@code total} seconds long is drawn. */
    static int x(double t, double total) {
        return LEFT + (int) Math.floor(t / total * AXIS);
    }

    /** The centres of the runs of pure white pixels along row {@code y} of the axis. */
    static List<Integer> whiteRuns(BufferedImage image, int y) {
        List<Integer> centres = new ArrayList<>();
        int start = -1;
        for (int x = LEFT; x <= W - 16; x++) {
            boolean white = x < W - 16 && (image.getRGB(x, y) & 0xffffff) == 0xffffff;
            if (white && start < 0) {
                start = x;
            } else if (!white && start >= 0) {
                centres.add((start + x - 1) / 2);
                start = -1;
            }
        }
        return centres;
    }

    /** Columns in [x0, x1) with a waveform pixel of {@code colour} away from the lane's centre line. */
    static int waveformColumns(BufferedImage image, int x0, int x1, Color colour) {
        return waveformColumns(image, x0, x1, colour, LANES_TOP, LANES_BOTTOM);
    }

    static int waveformColumns(BufferedImage image, int x0, int x1, Color colour, int top, int bottom) {
        int mid = top + (bottom - top) / 2;
        int n = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = top; y < bottom; y++) {
                if (Math.abs(y - mid) > 1 && (image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    static int count(BufferedImage image, Color colour, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                if ((image.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }
}
