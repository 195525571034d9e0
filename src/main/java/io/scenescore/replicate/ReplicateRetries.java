package io.scenescore.replicate;

import org.apache.camel.Exchange;

/**
 * Whether a failed Replicate call is made again (the redelivery's retryWhile): only while what failed is worth
 * another try (a network error, a 429 or 5xx, a file not there yet) and tries are left. Once Camel redelivers it
 * keeps the first failure's policy, so a call that then meets the open circuit breaker or a refused token must say
 * so here, or it would wait out every remaining backoff for nothing.
 */
public final class ReplicateRetries {

    private final int maxRetries;
    private final int downloadRetries;

    public ReplicateRetries(int maxRetries, int downloadRetries) {
        this.maxRetries = maxRetries;
        this.downloadRetries = downloadRetries;
    }

    /** Any call: 429, 5xx, network errors. */
    public boolean call(Exchange exchange) {
        return worthRetrying(exchange, maxRetries);
    }

    /** An output file not there (404): fewer tries, then the prediction is read again. */
    public boolean download(Exchange exchange) {
        return worthRetrying(exchange, downloadRetries);
    }

    private static boolean worthRetrying(Exchange exchange, int retries) {
        int done = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // the counter already counts the redelivery this answer decides about
        return done <= retries && retryable(failure);
    }

    static boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof io.scenescore.run.MusicSourceFailure || t instanceof io.scenescore.run.SetupFailure) {
                return false;
            }
        }
        return false;
    }
}
