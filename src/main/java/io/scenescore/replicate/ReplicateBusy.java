package io.scenescore.replicate;

import java.io.IOException;

/**
 * Replicate throttled a call (429) or could not answer it (5xx): worth trying again, after
 * {@code retryAfterMillis} when Replicate said how long (null: the usual backoff).
 */
public final class ReplicateBusy extends IOException {

    private final Long retryAfterMillis;

    public ReplicateBusy(String message, Long retryAfterMillis) {
        super(message);
        this.retryAfterMillis = retryAfterMillis;
    }

    public Long retryAfterMillis() {
        return retryAfterMillis;
    }
}
