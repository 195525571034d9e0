package io.scenescore.observe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.scenescore.run.Run;
import io.scenescore.run.RunSlots;

/**
 * What the runs tell Prometheus (routes/run.camel.yaml, routes/observe.camel.yaml): runs started and how they ended,
 * by music source, with their duration; runs waiting and leases held, as the database says (sampled by a timer, so a
 * scrape never waits for it); runs this instance executes. Labels are bounded: a source, an outcome, never a job id.
 */
public final class RunMeters {

    /** When and with which music source this instance started working on a run (variable runClock of the run). */
    public record RunClock(String source, long startNanos) {
    }

    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong leasesHeld = new AtomicLong();
    private final AtomicLong leasesExpired = new AtomicLong();

    public RunMeters(MeterRegistry registry, RunSlots slots, int concurrentRuns) {
        this.registry = registry;
        Gauge.builder("scenescore.runs.queued", queued, AtomicLong::get)
                .description("runs waiting in the database for an instance (all instances: the same on each)").register(registry);
        Gauge.builder("scenescore.leases.held", leasesHeld, AtomicLong::get)
                .description("runs executing under a lease that has not run out (all instances: the same on each)").register(registry);
        Gauge.builder("scenescore.leases.expired", leasesExpired, AtomicLong::get)
                .description("running runs whose lease ran out: waiting to be taken over (all instances)").register(registry);
        Gauge.builder("scenescore.runs.executing", slots, s -> concurrentRuns - s.free())
                .description("runs this instance executes now").register(registry);
    }

    /** Counts a run this instance starts working on (a run taken over counts again on the instance that takes it). */
    public RunClock started(Run run) {
        String source = source(run);
        Counter.builder("scenescore.runs.started").description("runs an instance started working on, by music source")
                .tag("source", source).register(registry).increment();
        return new RunClock(source, System.nanoTime());
    }

    /**
     * Counts a run's end (completed, failed, canceled) and records how long this instance worked on it. A run that
     * ended before it was started (its job could not be read) has no clock: it counts with source "unknown".
     */
    public void ended(RunClock clock, String outcome) {
        String source = clock == null ? UNKNOWN : clock.source();
        Counter.builder("scenescore.runs.ended").description("runs that ended, by outcome and music source")
                .tag("outcome", outcome).tag("source", source).register(registry).increment();
        if (clock != null) {
            Timer.builder("scenescore.run.duration").description("how long a run took on the instance that ended it")
                    .tag("outcome", outcome).tag("source", source).register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - clock.startNanos()));
        }
    }

    /** The counts of sql/count-runs.sql: queued, leased, expired. */
    public void sampled(Map<String, Object> counts) {
        queued.set(number(counts.get("queued")));
        leasesHeld.set(number(counts.get("leased")));
        leasesExpired.set(number(counts.get("expired")));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String source(Run run) {
        return run == null || run.provider() == null ? UNKNOWN : run.provider();
    }
}
