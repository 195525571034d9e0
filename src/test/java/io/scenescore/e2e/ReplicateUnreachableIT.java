package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/**
 * Replicate unreachable (nothing listens at its address): the circuit breaker opens after a few failed calls, the
 * scenes take the run's error_strategy at once instead of each retrying for minutes, and /observe/health says so.
 */
class ReplicateUnreachableIT {

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(() -> Map.of(
            "scenescore.provider", "replicate",
            "scenescore.replicate.token", "r8_unreachable_test",
            "scenescore.replicate.base-url", "http://127.0.0.1:" + closedPort() + "/v1"));
    static TestDatabase db;
    static RunningService service;

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aThreeSceneRunEndsInSilenceWithinAMinuteAndHealthSaysReplicateIsUnreachable() throws Exception {
        long started = System.nanoTime();
        String jobId = service.generate("""
                {"storyboard": {"scenes": [{"description": "dawn", "duration": 2}, {"description": "noon", "duration": 2},
                  {"description": "dusk", "duration": 2}]}}""");

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));
        System.out.printf("ReplicateUnreachableIT: the run against an unreachable Replicate ended in %.1f s%n",
                (System.nanoTime() - started) / 1e9);

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/scenes")).allSatisfy(scene -> {
            assertThat(scene.path("status").asText()).isEqualTo("silence");
            assertThat(scene.path("error").asText()).startsWith("Replicate is unreachable").doesNotContain("Exception");
        });
        HttpResponse<String> health = service.get("/observe/health");
        JsonNode replicate = null;
        for (JsonNode check : RunningService.json(health.body()).path("checks")) {
            if (check.path("name").asText().equals("replicate")) {
                replicate = check;
            }
        }
        assertThat(replicate).as(health.body()).isNotNull();
        assertThat(replicate.path("status").asText()).isEqualTo("DOWN");
        assertThat(replicate.path("message").asText()).contains("unreachable");
    }
}
