package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.RunningService;
import io.scenescore.support.TestDatabase;

/** Jobs live in PostgreSQL: a restarted service serves what the previous one finished. */
class RestartIT {

    @Test
    void theOperatorsDefaultFadeFromTheSettingsIsWhatARunGets() throws Exception {
        try (TestDatabase db = TestDatabase.create();
             RunningService service = RunningService.start(db, java.util.Map.of("scenescore.defaults.fade-duration", "0.4"))) {
            String jobId = service.generate(WalkingSkeletonIT.THREE_SCENES);

            JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

            assertThat(status.path("status").asText()).isEqualTo("completed");
            assertThat(status.at("/audio_params/fade_duration").asDouble()).isEqualTo(0.4);
        }
    }

    @Test
    void aRestartedServiceStillServesTheFinishedJobAndItsAudio() throws Exception {
        try (TestDatabase db = TestDatabase.create(); RunningService service = RunningService.start(db, Map.of())) {
            String jobId = service.generate(WalkingSkeletonIT.THREE_SCENES);
            JsonNode before = service.awaitEnd(jobId, Duration.ofSeconds(60));
            assertThat(before.path("status").asText()).isEqualTo("completed");
            HttpResponse<byte[]> audioBefore = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download").GET());

            service.restart();

            JsonNode after = service.status(jobId);
            assertThat(after.path("status").asText()).isEqualTo("completed");
            assertThat(after.path("audio")).isEqualTo(before.path("audio"));
            assertThat(after.path("progress")).isEqualTo(before.path("progress"));
            HttpResponse<byte[]> audioAfter = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download").GET());
            assertThat(audioAfter.statusCode()).isEqualTo(200);
            assertThat(audioAfter.body()).isEqualTo(audioBefore.body());
            assertThat(audioAfter.headers().firstValue("ETag")).isEqualTo(audioBefore.headers().firstValue("ETag"));
        }
    }
}
