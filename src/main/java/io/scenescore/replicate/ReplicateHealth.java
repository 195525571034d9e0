package io.scenescore.replicate;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * Whether Replicate can be used, as /observe/health's {@code replicate} check (readiness): the circuit breaker
 * shared by every run of this instance (open after {@code failures} calls in a row that met a network error or a
 * 5xx; half open after {@code openFor}, when one call probes), and whether Replicate refused the token (until a
 * call is accepted again).
 */
public final class ReplicateHealth extends AbstractHealthCheck {

    private final CircuitBreaker breaker;
    private final boolean used;
    private volatile String refused;

    public ReplicateHealth(int failures, Duration openFor, boolean used) {
        super("scenescore", "replicate");
        this.used = used;
        this.breaker = CircuitBreaker.of("replicate", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(ReplicateHealth::isOutage)
                .ignoreException(t -> !isOutage(t))
                .build());
    }

    /** Readiness only: an unreachable Replicate is no reason to restart this instance. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    /** The breaker the request route's circuitBreaker step uses (resilience4jConfiguration circuitBreaker: #replicateBreaker). */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** A network error or a 5xx from Replicate's API: what opens the breaker. Throttles, refusals and missing files do not. */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReplicateBusy busy) {
                return busy.outage();
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    void refused(String why) {
        this.refused = why;
    }

    void accepted() {
        this.refused = null;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("circuit", breaker.getState().name());
        if (!used) {
            builder.message("not the music source of this instance");
            builder.up();
        } else if (refused != null) {
            builder.message(refused);
            builder.down();
        } else if (breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN) {
            builder.message("unreachable: calls to Replicate are paused after repeated failures");
            builder.down();
        } else {
            builder.up();
        }
    }
}
