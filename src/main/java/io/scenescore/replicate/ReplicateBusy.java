package io.scenescore.replicate;

import java.io.IOException;

/**
 * Replicate throttled a call (429) or could not answer it (5xx): worth trying again, after
 * {@code retryAfterMillis} when Replicate said how long (null: the usual backoff). An outage (a 5xx from
 * Replicate's API) counts towards opening the circuit breaker; a throttle does not: Replicate answered.
 */
public class ReplicateBusy extends IOException {

    private final Long retryAfterMillis;
    private final boolean outage;

    public ReplicateBusy(String message, Long retryAfterMillis, boolean outage) {
        super(message);
        this.retryAfterMillis = retryAfterMillis;
        this.outage = outage;
    }

    public Long retryAfterMillis() {
        return retryAfterMillis;
    }

    public boolean outage() {
        return outage;
    }
}
