package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/** Starting a run twice, Idempotency-Key, cancel, and a database restart in the middle of a run. */
class RunControlIT {

    static final String TOKEN = "r8_control_token";
    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of(
            "scenescore.replicate.poll.initial-ms", "200",
            "scenescore.replicate.poll.max-ms", "500")).withFakeReplicate(TOKEN);
    static FakeReplicate replicate;
    static RunningService service;

    @BeforeEach
    void clean() {
        replicate.reset();
        replicate.setLatency(Duration.ofMillis(500));
    }

    static final String TWO_SCENES = "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}, {\"description\": \"b\", \"duration\": 2}]}}";

    HttpResponse<String> start(String key, String body) throws Exception {
        return service.send(service.request("/api/v3/audio/generate-scenes").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theSameIdempotencyKeyAndBodyGetTheFirstAnswerAndStartNothingNew() throws Exception {
        HttpResponse<String> first = start("key-1", TWO_SCENES);
        HttpResponse<String> again = start("key-1", TWO_SCENES);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        String jobId = RunningService.json(first.body()).path("job_id").asText();
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("completed");
        assertThat(replicate.createdPredictions()).as("one run, two scenes").isEqualTo(2);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsA422() throws Exception {
        HttpResponse<String> first = start("key-2", TWO_SCENES);
        HttpResponse<String> other = start("key-2", TWO_SCENES.replace("\"a\"", "\"something else\""));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(RunningService.json(other.body()).path("detail").asText()).contains("Idempotency-Key");
        service.awaitEnd(RunningService.json(first.body()).path("job_id").asText(), Duration.ofSeconds(60));
    }

    @Test
    void cancelReachesReplicateAndTheRunEndsCanceled() throws Exception {
        replicate.setLatency(Duration.ofSeconds(30));
        String jobId = service.generate(TWO_SCENES);
        await().atMost(Duration.ofSeconds(30)).until(() -> !service.status(jobId).at("/progress/scenes/0/prediction_id").isNull());
        String prediction = service.status(jobId).at("/progress/scenes/0/prediction_id").asText();

        HttpResponse<String> cancel = service.postJson("/api/v3/audio/" + jobId + "/cancel", "");
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(30));

        assertThat(cancel.statusCode()).isEqualTo(202);
        assertThat(replicate.canceledIds()).containsExactly(prediction);
        assertThat(status.path("status").asText()).isEqualTo("canceled");
        assertThat(status.at("/progress/scenes/0/status").asText()).isEqualTo("failed");
        assertThat(status.at("/audio/available").asBoolean()).isFalse();
        assertThat(replicate.createdPredictions()).as("nothing made after the cancel").isEqualTo(1);
        service.awaitRunFolderRemoved(jobId);
        // a run that has ended has nothing to cancel
        assertThat(service.postJson("/api/v3/audio/" + jobId + "/cancel", "").statusCode()).isEqualTo(409);
        // and it can be started again
        assertThat(service.postJson("/api/v3/audio/generate-scenes", "{\"job_id\": \"" + jobId + "\"}").statusCode()).isEqualTo(202);
        replicate.setLatency(Duration.ofMillis(300));
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void cancelOfAnUnknownJobIsA404() throws Exception {
        assertThat(service.postJson("/api/v3/audio/0b0e9a4c-3f1d-4a8e-9c51-7d2f6b8e1a00/cancel", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aRunSurvivesPostgresqlRestartingBetweenScenes() throws Exception {
        String cluster = "/etc/postgresql";
        Assumptions.assumeTrue(Files.isDirectory(Path.of(cluster)) && TestDatabase.onTheLocalCluster(),
                "needs the tests' databases on the local PostgreSQL cluster (pg_ctlcluster) to restart");
        replicate.setLatency(Duration.ofSeconds(6));
        String jobId = service.generate(TWO_SCENES);
        await().atMost(Duration.ofSeconds(30)).until(() -> !service.status(jobId).at("/progress/scenes/0/prediction_id").isNull());

        String version = Files.list(Path.of(cluster)).map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        Process restart = new ProcessBuilder(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"))
                .inheritIO().start();
        assertThat(restart.waitFor()).as("pg_ctlcluster restart").isZero();

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(90));
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/scenes")).allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("completed"));
        assertThat(replicate.createdPredictions()).isEqualTo(2);
    }
}
