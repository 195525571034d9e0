package io.scenescore.replicate;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs when a Replicate call failed and is about to be tried again (the routes' onExceptionOccurred): the wait
 * before the next attempt is the one Replicate asked for (429's retry_after or Retry-After), else the
 * redelivery policy's exponential backoff.
 */
public final class ReplicateRetryDelay implements Processor {

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        // the circuit breaker wraps what failed inside it
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReplicateBusy busy && busy.retryAfterMillis() != null) {
                exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, busy.retryAfterMillis());
                return;
            }
        }
        exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
    }
}
