package io.scenescore.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The prediction's clock-driven life, with a hand-moved clock instead of waiting. */
class FakePredictionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final CompletableFuture<FakeMusicGen.Outcome> outcome = new CompletableFuture<>();

    private FakePrediction prediction(long latency, long cancelAfter, boolean stalled, String injectedError) {
        return new FakePrediction("abc", FakeReplicate.DEFAULT_VERSION, JSON.createObjectNode().put("duration", 1),
                "http://fake/v1", "http://fake/files/abc.wav", clock::get, latency, 0, cancelAfter, stalled,
                injectedError, outcome);
    }

    private void advance(double seconds) {
        clock.addAndGet(Math.round(seconds * SECOND));
    }

    private static FakeMusicGen.Outcome success() {
        return FakeMusicGen.run(JSON.createObjectNode().put("prompt", "p").put("duration", 1), 1, url -> new byte[0]);
    }

    @Test
    void startsThenProcessesFromAThirdOfTheLatencyThenSucceedsOnceTheOutcomeIsKnown() {
        FakePrediction p = prediction(3 * SECOND, -1, false, null);
        assertThat(p.state().status()).isEqualTo("starting");
        advance(1);
        assertThat(p.state().status()).isEqualTo("processing");
        advance(2.5);
        assertThat(p.state().status()).as("outcome not known yet").isEqualTo("processing");
        outcome.complete(success());
        FakePrediction.State done = p.state();
        assertThat(done.status()).isEqualTo("succeeded");
        assertThat(done.hasOutput()).isTrue();
        JsonNode json = p.toJson(JSON);
        assertThat(json.path("output").asText()).isEqualTo("http://fake/files/abc.wav");
        assertThat(json.path("metrics").path("predict_time").asDouble()).isPositive();
    }

    @Test
    void anInjectedErrorWinsOverTheModelsOutcome() {
        FakePrediction p = prediction(SECOND, -1, false, "boom");
        outcome.complete(success());
        advance(2);
        assertThat(p.state().status()).isEqualTo("failed");
        assertThat(p.toJson(JSON).path("error").asText()).isEqualTo("boom");
    }

    @Test
    void aCancelAfterDeadlineBeforeTheStartAbortsIt() {
        FakePrediction p = prediction(3 * SECOND, SECOND / 2, false, null);
        advance(0.6);
        assertThat(p.state().status()).isEqualTo("aborted");
        assertThat(p.toJson(JSON).path("started_at").isNull()).isTrue();
    }

    @Test
    void aCancelAfterDeadlineWhileProcessingCancelsIt() {
        FakePrediction p = prediction(3 * SECOND, 2 * SECOND, true, null);
        outcome.complete(success());
        advance(10);
        assertThat(p.state().status()).isEqualTo("canceled");
        assertThat(p.state().completedNanos()).isEqualTo(1_002 * SECOND);
    }

    @Test
    void aDeadlineAfterCompletionChangesNothing() {
        FakePrediction p = prediction(SECOND, 2 * SECOND, false, null);
        outcome.complete(success());
        advance(10);
        assertThat(p.state().status()).isEqualTo("succeeded");
    }

    @Test
    void aCancelBeforeTheStartLeavesNoStartTime() {
        FakePrediction p = prediction(3 * SECOND, -1, false, null);
        p.cancel();
        advance(5);
        outcome.complete(success());
        assertThat(p.state().status()).isEqualTo("canceled");
        assertThat(p.toJson(JSON).path("started_at").isNull()).isTrue();
    }
}
