package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/** A token Replicate refuses (401) is a setup error: the run fails at once saying so, and health is DOWN. */
class ReplicateRefusesTokenIT {

    static final String WRONG = "r8_not_the_token_replicate_knows";

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.replicate.token", WRONG))
            .withFakeReplicate("r8_the_token_replicate_knows");
    static TestDatabase db;
    static FakeReplicate replicate;
    static RunningService service;

    @Test
    void theRunFailsAtOnceWithoutRetriesSayingReplicateRefusedTheToken() throws Exception {
        String jobId = service.generate("""
                {"storyboard": {"scenes": [{"description": "dawn", "duration": 2}, {"description": "noon", "duration": 2}]},
                 "audio_params": {"error_strategy": "continue_with_silence"}}""");

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(30));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("failed");
        assertThat(status.path("error").asText()).isEqualTo("Replicate refused the API token (HTTP 401: not accepted); check REPLICATE_API_TOKEN");
        assertThat(status.toString()).doesNotContain(WRONG);
        assertThat(replicate.unauthorizedRequests()).isEqualTo(1);
        assertThat(status.at("/audio/available").asBoolean()).isFalse();

        HttpResponse<String> health = service.get("/observe/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("Replicate refused the API token").doesNotContain(WRONG);
    }
}
