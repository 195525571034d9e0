package io.scenescore.webhook;

/**
 * How one attempt of a delivery went and what comes next, as record-webhook-attempt.sql stores it: delivered (a 2xx),
 * or due again in {@code retryInSeconds}, or given up. {@code status}: the receiver's HTTP status, null when it gave
 * none (timeout, refused connection); {@code error}: why the attempt failed, in words, null when delivered.
 */
public record WebhookAttempt(int number, boolean delivered, Integer status, String error, boolean givenUp,
                             double retryInSeconds, String receiver) {

    /** The outcome as scenescore_webhook_deliveries_total counts it: delivered, retried or gave_up. */
    public String counted() {
        return delivered ? "delivered" : givenUp ? "gave_up" : "retried";
    }

    /** One line for the log: which attempt, what happened and what happens next (no URL path or query, no secret). */
    public String outcome() {
        if (delivered) {
            return "attempt " + number + ": delivered (HTTP " + status + ")";
        }
        if (givenUp) {
            return "attempt " + number + ": " + error + "; given up";
        }
        return "attempt " + number + ": " + error + "; next attempt in " + WebhookRetries.seconds(retryInSeconds);
    }
}
