package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/** Storyboard in, soundtrack out, over HTTP, on real PostgreSQL and real FFmpeg. */
class WalkingSkeletonIT {

    static final String THREE_SCENES = """
            {"storyboard": {"scenes": [
              {"title": "One", "description": "dawn", "duration": 3},
              {"title": "Two", "description": "noon", "duration": 4},
              {"title": "Three", "description": "dusk", "duration": 5}]}}""";

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of());
    static TestDatabase db;
    static RunningService service;

    @Test
    void threeScenesBecomeOneMp3OfTheSummedLength(@TempDir Path tmp) throws Exception {
        String jobId = service.generate(THREE_SCENES);

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/percentage").asInt()).isEqualTo(100);
        assertThat(status.at("/progress/scenes_completed").asInt()).isEqualTo(3);
        assertThat(status.at("/progress/scenes")).hasSize(3).allSatisfy(scene -> {
            assertThat(scene.path("status").asText()).isEqualTo("completed");
            assertThat(scene.path("source").asText()).isEqualTo("silence");
        });
        assertThat(status.at("/audio/available").asBoolean()).isTrue();
        assertThat(status.at("/audio/format").asText()).isEqualTo("mp3");
        assertThat(status.at("/audio/duration_seconds").asDouble()).isCloseTo(12.0, within(0.01));

        Path work = service.awaitRunFolderRemoved(jobId);
        Path mp3 = service.download(jobId, tmp.resolve("soundtrack.mp3"));
        JsonNode probe = MediaProbe.probe(mp3);
        assertThat(probe.at("/format/format_name").asText()).isEqualTo("mp3");
        assertThat(probe.at("/streams/0/codec_name").asText()).isEqualTo("mp3");
        assertThat(probe.at("/format/duration").asDouble()).isCloseTo(12.0, within(0.05));
        assertThat(status.at("/audio/size_bytes").asLong()).isEqualTo(Files.size(mp3));
        // what the run made (pieces, the joined WAV, its encode) went with it; the download's copy, named for its ETag, stays
        try (var left = Files.list(work)) {
            assertThat(left.map(f -> f.getFileName().toString())).singleElement().asString().matches("soundtrack-[0-9a-f]+\\.mp3");
        }
    }

    @Test
    void pollersGetAnEtagAndA304WhileTheStatusIsUnchanged() throws Exception {
        String jobId = service.generate(THREE_SCENES);
        service.awaitEnd(jobId, Duration.ofSeconds(60));

        HttpResponse<String> first = service.get("/api/v3/audio/status/" + jobId);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = service.send(service.request("/api/v3/audio/status/" + jobId).header("If-None-Match", etag).GET());
        HttpResponse<String> stale = service.send(service.request("/api/v3/audio/status/" + jobId).header("If-None-Match", "\"0000\"").GET());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(stale.body()).path("job_id").asText()).isEqualTo(jobId);
    }

    @Test
    void wavOutputIsSampleExact(@TempDir Path tmp) throws Exception {
        String jobId = service.generate("""
                {"storyboard": {"scenes": [{"description": "a", "duration": 1.5}, {"description": "b", "duration": 2.25}]},
                 "audio_params": {"output_format": "wav", "fade_duration": 0.5}}""");

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).isEqualTo("completed");
        Path wav = service.download(jobId, tmp.resolve("soundtrack.wav"));
        JsonNode probe = MediaProbe.probe(wav);
        assertThat(probe.at("/streams/0/codec_name").asText()).isEqualTo("pcm_s16le");
        assertThat(probe.at("/streams/0/channels").asInt()).isEqualTo(2);
        assertThat(probe.at("/format/duration").asDouble()).isCloseTo(3.75, within(0.001));
    }

    @Test
    void crossfadedScenesStillLastExactlyTheirSum(@TempDir Path tmp) throws Exception {
        String jobId = service.generate("""
                {"storyboard": {"scenes": [{"description": "a", "duration": 3}, {"description": "b", "duration": 4},
                                           {"description": "c", "duration": 5}]},
                 "audio_params": {"transition": "crossfade", "fade_duration": 1.5, "output_format": "wav"}}""");

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).isEqualTo("completed");
        assertThat(MediaProbe.duration(service.download(jobId, tmp.resolve("x.wav")))).isCloseTo(12.0, within(0.05));
    }

    @Test
    void aStoredJobRunsByIdAndDownloadsHonourEtagAndRange() throws Exception {
        HttpResponse<String> created = service.postJson("/api/v3/jobs", """
                {"video_name": "harbour.mp4", "storyboard": {"scenes": [{"description": "a", "duration": 2}]}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        String jobId = RunningService.json(created.body()).get("job_id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/api/v3/audio/status/" + jobId);
        assertThat(service.status(jobId).path("status").asText()).isEqualTo("created");

        HttpResponse<String> notReady = service.get("/api/v3/audio/" + jobId + "/download");
        assertThat(notReady.statusCode()).isEqualTo(409);

        service.generate("{\"job_id\": \"" + jobId + "\"}");
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("completed");

        HttpResponse<byte[]> whole = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download").GET());
        assertThat(whole.statusCode()).isEqualTo(200);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(whole.headers().firstValue("Content-Type")).contains("audio/mpeg");
        assertThat(whole.headers().firstValue("Cache-Control")).isPresent();
        assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".mp3");

        HttpResponse<byte[]> cached = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download")
                .header("If-None-Match", etag).GET());
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();

        HttpResponse<byte[]> part = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download")
                .header("Range", "bytes=10-19").GET());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 10-19/" + whole.body().length);
        assertThat(part.body()).containsExactly(java.util.Arrays.copyOfRange(whole.body(), 10, 20));

        HttpResponse<String> beyond = service.send(service.request("/api/v3/audio/" + jobId + "/download")
                .header("Range", "bytes=" + whole.body().length + "-").GET());
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + whole.body().length);
    }

    @Test
    void aSecondStartWhileAnotherInstanceRunsTheJobIsAConflict() throws Exception {
        HttpResponse<String> created = service.postJson("/api/v3/jobs",
                "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}]}}");
        String jobId = RunningService.json(created.body()).get("job_id").asText();
        // another instance holds a live lease on this job's run
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE jobs SET status = 'running', lease_owner = 'other-instance', "
                    + "lease_expires_at = now() + interval '1 hour' WHERE id = '" + jobId + "'");
        }

        HttpResponse<String> again = service.postJson("/api/v3/audio/generate-scenes", "{\"job_id\": \"" + jobId + "\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(RunningService.json(again.body()).path("detail").asText()).contains(jobId);
        assertThat(service.status(jobId).path("status").asText()).isEqualTo("running");
    }

    @Test
    void healthAnswers() throws Exception {
        HttpResponse<String> health = service.get("/observe/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }
}
