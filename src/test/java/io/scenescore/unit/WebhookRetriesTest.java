package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.scenescore.video.PublicAddressGuard;
import io.scenescore.webhook.WebhookAttempt;
import io.scenescore.webhook.WebhookRetries;

/** Failed deliveries are retried after 2 s, doubling, at most an hour apart, and given up 24 hours after the event. */
class WebhookRetriesTest {

    private final WebhookRetries retries = new WebhookRetries(Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofHours(24),
            Duration.ofSeconds(10));

    private static Map<String, Object> delivery(int attemptsBefore, Duration sinceEvent) {
        Instant event = Instant.parse("2026-11-26T12:00:00Z");
        return Map.of("attempts", attemptsBefore, "created_at", Timestamp.from(event),
                "claimed_at", Timestamp.from(event.plus(sinceEvent)),
                "url", "https://hooks.example.com:8443/scenescore?token=s3cr3t");
    }

    @Test
    void theWaitStartsAtTwoSecondsAndDoublesUpToAnHour() {
        assertThat(retries.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retries.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retries.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(retries.delayAfter(11)).isEqualTo(Duration.ofSeconds(2048));
        assertThat(retries.delayAfter(12)).isEqualTo(Duration.ofHours(1));
        assertThat(retries.delayAfter(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aTwoHundredSomethingDeliversAndAnythingElseIsTriedAgain() {
        WebhookAttempt ok = retries.answered(delivery(2, Duration.ofSeconds(6)), 204);
        assertThat(ok.delivered()).isTrue();
        assertThat(ok.number()).isEqualTo(3);
        assertThat(ok.outcome()).isEqualTo("attempt 3: delivered (HTTP 204)");

        WebhookAttempt failed = retries.answered(delivery(0, Duration.ZERO), 500);
        assertThat(failed.delivered()).isFalse();
        assertThat(failed.givenUp()).isFalse();
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.retryInSeconds()).isEqualTo(2.0);
        assertThat(failed.outcome()).isEqualTo("attempt 1: HTTP 500; next attempt in 2 s");

        assertThat(retries.answered(delivery(0, Duration.ZERO), 302).delivered()).isFalse();
        assertThat(retries.answered(delivery(1, Duration.ZERO), 410).retryInSeconds()).isEqualTo(4.0);
    }

    @Test
    void timeoutsAndRefusedConnectionsAreRetriedAndSaySoWithoutTheUrl() {
        WebhookAttempt timeout = retries.failed(delivery(0, Duration.ZERO), new SocketTimeoutException("Read timed out"));
        assertThat(timeout.status()).isNull();
        assertThat(timeout.error()).isEqualTo("no answer within 10 s");
        assertThat(timeout.retryInSeconds()).isEqualTo(2.0);
        WebhookAttempt refused = retries.failed(delivery(0, Duration.ZERO),
                new RuntimeException(new ConnectException("Connect to https://hooks.example.com:8443 failed")));
        assertThat(refused.error()).isEqualTo("the receiver could not be connected to");
        WebhookAttempt guarded = retries.failed(delivery(0, Duration.ZERO), new PublicAddressGuard.Refused("x resolves to 10.0.0.1"));
        assertThat(guarded.error()).contains("non-public address");
        // the log names the receiver's host and port, never its path or query (a token may be there)
        assertThat(refused.receiver()).isEqualTo("hooks.example.com:8443");
        assertThat(refused.outcome()).doesNotContain("s3cr3t");
    }

    @Test
    void noAttemptIsScheduledLaterThanADayAfterTheEvent() {
        WebhookAttempt late = retries.answered(delivery(30, Duration.ofHours(23).plusMinutes(30)), 503);
        assertThat(late.givenUp()).isTrue();
        assertThat(late.outcome()).endsWith("; given up");
        WebhookAttempt stillInTime = retries.answered(delivery(30, Duration.ofHours(22)), 503);
        assertThat(stillInTime.givenUp()).isFalse();
        assertThat(stillInTime.retryInSeconds()).isEqualTo(3600.0);
    }
}
