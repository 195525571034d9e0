package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;
import io.scenescore.support.TestVideos;
import io.scenescore.support.TestVideos.Shot;
import io.scenescore.support.VideoApi;

/**
 * "storyboard": "auto": a job posted with a video and no storyboard gets one made from the video's cuts (frame-exact,
 * adding up to the video, measured per scene), shown in its status, and runs with the composer to the end; bad
 * videos and settings are refused naming them; the file drop takes NAME.mp4 with {"storyboard": "auto"}.
 */
class AutoStoryboardIT {

    static final double FRAME = 1 / 25.0;
    static TestDatabase db;
    static RunningService service;
    static Path inbox;
    static Path outbox;
    static Path cuts;

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(() -> {
        Path root = Files.createTempDirectory("scenescore-autoboard");
        inbox = root.resolve("inbox");
        outbox = root.resolve("outbox");
        return Map.of("scenescore.provider", "composer",
                "scenescore.inbox", inbox.toString(),
                "scenescore.outbox", outbox.toString(),
                "scenescore.filedrop.poll-ms", "200",
                "scenescore.filedrop.outbox-period-ms", "200");
    });

    /** A dark still quiet shot (3 s), a bright busy loud one (2.6 s), a warm still one (2.4 s): cuts at 3.0 and 5.6 s. */
    @BeforeAll
    static void makeVideo(@TempDir Path tmp) throws Exception {
        cuts = TestVideos.shots(Files.createTempDirectory("autoboard-videos").resolve("cuts.mp4"), 25, true,
                new Shot("color=c=0x141414", 3.0, 0.01),
                new Shot("testsrc2,noise=alls=40:allf=t", 2.6, 0.9),
                new Shot("color=c=0xf0a050", 2.4, 0.2));
    }

    @Test
    void aVideoWithoutAStoryboardIsCutIntoScenesMeasuredAndScoredToTheEnd() throws Exception {
        HttpResponse<String> created = VideoApi.postJob(service, "{\"storyboard\": \"auto\"}", cuts, "cuts.mp4");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String jobId = RunningService.json(created.body()).path("job_id").asText();
        JsonNode status = service.status(jobId);
        double videoSeconds = status.at("/video/source/duration_seconds").asDouble();
        JsonNode storyboard = status.path("storyboard");
        assertThat(storyboard.path("made").asText()).isEqualTo("auto");
        assertThat(storyboard.at("/auto/threshold").asDouble()).isEqualTo(0.1);
        assertThat(storyboard.at("/auto/min_scene_seconds").asDouble()).isEqualTo(2.0);
        JsonNode scenes = storyboard.path("scenes");
        assertThat(scenes).hasSize(3);
        assertThat(scenes.get(0).path("duration").asDouble()).isCloseTo(3.0, within(FRAME));
        assertThat(scenes.get(1).path("duration").asDouble()).isCloseTo(2.6, within(FRAME));
        assertThat(scenes.get(2).path("duration").asDouble()).isCloseTo(2.4, within(FRAME));
        double sum = 0;
        for (JsonNode scene : scenes) {
            sum += scene.path("duration").asDouble();
        }
        assertThat(sum).isCloseTo(videoSeconds, within(1e-6));
        assertThat(status.at("/progress/scenes_total").asInt()).isEqualTo(3);
        assertThat(status.at("/progress/scenes/1/duration_seconds").asDouble()).isEqualTo(scenes.get(1).path("duration").asDouble());

        JsonNode dark = scenes.get(0).path("features");
        JsonNode busy = scenes.get(1).path("features");
        assertThat(dark.path("brightness").asDouble()).isLessThan(busy.path("brightness").asDouble() - 0.3);
        assertThat(dark.path("motion").asDouble()).isLessThan(0.05);
        assertThat(busy.path("motion").asDouble()).isGreaterThan(0.5);
        assertThat(dark.path("loudness_lufs").asDouble()).isLessThan(busy.path("loudness_lufs").asDouble() - 20);
        assertThat(scenes.get(2).path("features").path("warmth").asDouble()).isGreaterThan(0.3);
        assertThat(scenes.get(0).path("music_description").asText()).contains("dark", "calm");
        assertThat(scenes.get(1).path("music_energy").asText()).isIn("high", "very high");

        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true}}");
        JsonNode done = service.awaitEnd(jobId, Duration.ofMinutes(3));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.at("/progress/scenes").findValuesAsText("source")).containsOnly("composer");
        assertThat(done.at("/audio/duration_seconds").asDouble()).isCloseTo(videoSeconds, within(0.05));
        assertThat(done.at("/video/available").asBoolean()).isTrue();
    }

    @Test
    void noStoryboardAtAllWithAVideoMakesOneTooAndTheSettingsAreKept() throws Exception {
        HttpResponse<String> created = VideoApi.postJob(service,
                "{\"auto_storyboard\": {\"threshold\": 0.2, \"min_scene_seconds\": 3, \"max_scenes\": 5}}", cuts, "cuts.mp4");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode storyboard = service.status(RunningService.json(created.body()).path("job_id").asText()).path("storyboard");
        assertThat(storyboard.at("/auto/min_scene_seconds").asDouble()).isEqualTo(3.0);
        // the 2.6 s and 2.4 s shots are shorter than 3 s: merged, so 3 s and 5 s
        assertThat(storyboard.path("scenes")).hasSize(2);
        assertThat(storyboard.at("/scenes/1/duration").asDouble()).isCloseTo(5.0, within(FRAME));
    }

    @Test
    void aGivenStoryboardIsShownAsGiven() throws Exception {
        HttpResponse<String> created = service.postJson("/api/v3/jobs", "{\"storyboard\": {\"scenes\": [{\"description\": \"rain\", \"duration\": 4}]}}");

        JsonNode storyboard = service.status(RunningService.json(created.body()).path("job_id").asText()).path("storyboard");
        assertThat(storyboard.path("made").asText()).isEqualTo("given");
        assertThat(storyboard.path("auto").isNull()).isTrue();
        assertThat(storyboard.at("/scenes/0/description").asText()).isEqualTo("rain");
    }

    @Test
    void aVideoWithoutACutIsOneScene(@TempDir Path tmp) throws Exception {
        Path still = TestVideos.shots(tmp.resolve("still.mp4"), 25, false, new Shot("testsrc2", 4.2, 0));

        HttpResponse<String> created = VideoApi.postJob(service, "{\"storyboard\": \"auto\"}", still, "still.mp4");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode storyboard = service.status(RunningService.json(created.body()).path("job_id").asText()).path("storyboard");
        assertThat(storyboard.path("scenes")).hasSize(1);
        assertThat(storyboard.at("/scenes/0/duration").asDouble()).isCloseTo(4.2, within(1e-6));
        assertThat(storyboard.at("/scenes/0/features/loudness_lufs").isNull()).as("no sound").isTrue();
        assertThat(storyboard.at("/auto/has_sound").asBoolean()).isFalse();
    }

    @Test
    void aVideoTooShortForOneSceneIs422NamingIt(@TempDir Path tmp) throws Exception {
        Path shortVideo = TestVideos.shots(tmp.resolve("blink.mp4"), 25, false, new Shot("testsrc2", 1.2, 0));
        long jobsBefore = jobs();

        HttpResponse<String> answer = VideoApi.postJob(service, "{\"storyboard\": \"auto\"}", shortVideo, "blink.mp4");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = RunningService.json(answer.body());
        assertThat(problem.path("detail").asText()).contains("blink.mp4", "too short for one scene", "min_scene_seconds");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("video");
        assertThat(jobs()).isEqualTo(jobsBefore);
    }

    @Test
    void aFileWithoutAVideoStreamIs422NamingIt(@TempDir Path tmp) throws Exception {
        Path sound = tmp.resolve("voice.mp4");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "sine=f=300:d=5", "-c:a", "aac", sound.toString());

        HttpResponse<String> answer = VideoApi.postJob(service, "{\"storyboard\": \"auto\"}", sound, "voice.mp4");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        JsonNode problem = RunningService.json(answer.body());
        assertThat(problem.path("detail").asText()).contains("voice.mp4", "no video stream");
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("video");
    }

    @Test
    void autoWithoutAVideoAndBadSettingsAre400NamingTheFields() throws Exception {
        HttpResponse<String> noVideo = service.postJson("/api/v3/jobs", "{\"storyboard\": \"auto\"}");
        assertThat(noVideo.statusCode()).as(noVideo.body()).isEqualTo(400);
        assertThat(RunningService.json(noVideo.body()).path("errors").findValuesAsText("field")).containsExactly("storyboard");

        HttpResponse<String> bad = VideoApi.postJob(service,
                "{\"storyboard\": \"auto\", \"auto_storyboard\": {\"threshold\": 1.5, \"min_scene_seconds\": 0, \"max_scenes\": 2.5, \"speed\": 1}}",
                cuts, "cuts.mp4");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(RunningService.json(bad.body()).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "auto_storyboard.threshold", "auto_storyboard.min_scene_seconds", "auto_storyboard.max_scenes", "auto_storyboard.speed");

        HttpResponse<String> both = service.postJson("/api/v3/jobs",
                "{\"storyboard\": {\"scenes\": [{\"description\": \"rain\", \"duration\": 4}]}, \"auto_storyboard\": {\"threshold\": 0.2}}");
        assertThat(RunningService.json(both.body()).path("errors").findValuesAsText("field")).containsExactly("auto_storyboard");
    }

    @Test
    void aDroppedVideoWithAnAutoJobFileIsScoredFromItsCuts() throws Exception {
        Files.createDirectories(inbox);
        Path staged = Files.createTempDirectory("autoboard-drop").resolve("film.mp4");
        Files.copy(cuts, staged);
        Files.move(staged, inbox.resolve("film.mp4"));
        Files.writeString(inbox.resolve("film.json"), "{\"storyboard\": \"auto\", \"audio_params\": {\"fade_duration\": 0.5}}");

        Path statusFile = outbox.resolve("film.status.json");
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try {
                last[0] = RunningService.json(Files.readString(statusFile));
            } catch (java.nio.file.NoSuchFileException e) {
                return false;
            }
            return List.of("completed", "failed", "canceled").contains(last[0].path("status").asText());
        });

        JsonNode status = last[0];
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/storyboard/made").asText()).isEqualTo("auto");
        assertThat(status.at("/storyboard/scenes")).hasSize(3);
        assertThat(MediaProbe.duration(outbox.resolve("film.mp3"))).isCloseTo(8.0, within(0.1));
        assertThat(inbox.resolve(".done/film.mp4")).exists();
    }

    private static long jobs() throws Exception {
        try (var c = db.connect(); var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM jobs")) {
            r.next();
            return r.getLong(1);
        }
    }
}
