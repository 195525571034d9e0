package io.scenescore.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One prediction of the fake. Its status is computed from the clock on every look, never pushed by
 * a timer: {@code starting} until a third of its latency, then {@code processing}, then
 * {@code succeeded} or {@code failed} once the latency has passed and the model's outcome is known
 * (a stalled prediction stays {@code processing}). A cancel freezes it at {@code canceled}; a
 * passed {@code Cancel-After} deadline does the same ({@code aborted} if it had not started).
 */
final class FakePrediction {

    static final String MODEL = "meta/musicgen";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The prediction as seen at one instant. Times are clock nanos, -1 when not reached. */
    record State(String status, long startedNanos, long completedNanos, String error, FakeMusicGen.Plan plan,
                 boolean dataRemoved) {
        boolean terminal() {
            return isTerminal(status);
        }

        boolean hasOutput() {
            return status.equals("succeeded") && !dataRemoved;
        }
    }

    private final String id;
    private final String version;
    private final JsonNode input;
    private final String apiBase;
    private final String outputUrl;
    private final LongSupplier clock;
    private final long createdNanos;
    private final Instant createdAt;
    private final long latencyNanos;
    private final long retentionNanos;
    private final long cancelAfterNanos;
    private final boolean stalled;
    private final String injectedError;
    private final CompletableFuture<FakeMusicGen.Outcome> outcome;
    private volatile long outcomeDoneNanos = Long.MAX_VALUE;

    // guarded by this
    private long canceledNanos = -1;
    private boolean filesExpired;

    FakePrediction(String id, String version, JsonNode input, String apiBase, String outputUrl, LongSupplier clock,
                   long latencyNanos, long retentionNanos, long cancelAfterNanos, boolean stalled, String injectedError,
                   CompletableFuture<FakeMusicGen.Outcome> outcome) {
        this.id = id;
        this.version = version;
        this.input = input.deepCopy();
        this.apiBase = apiBase;
        this.outputUrl = outputUrl;
        this.clock = clock;
        this.createdNanos = clock.getAsLong();
        this.createdAt = Instant.now();
        this.latencyNanos = latencyNanos;
        this.retentionNanos = retentionNanos;
        this.cancelAfterNanos = cancelAfterNanos < 0 ? -1 : createdNanos + cancelAfterNanos;
        this.stalled = stalled;
        this.injectedError = injectedError;
        this.outcome = outcome;
        outcome.whenComplete((result, failure) -> {
            outcomeDoneNanos = clock.getAsLong();
            synchronized (this) {
                notifyAll();
            }
        });
    }

    static boolean isTerminal(String status) {
        return switch (status) {
            case "succeeded", "failed", "canceled", "aborted" -> true;
            default -> false;
        };
    }

    String id() {
        return id;
    }

    JsonNode input() {
        return input;
    }

    String outputUrl() {
        return outputUrl;
    }

    synchronized State state() {
        return stateAt(clock.getAsLong());
    }

    /** Cancels unless already terminal; returns the state after. */
    synchronized State cancel() {
        long now = clock.getAsLong();
        if (!stateAt(now).terminal()) {
            canceledNanos = now;
            notifyAll();
        }
        return stateAt(now);
    }

    /** Removes the output file and data if the prediction has succeeded; true if it had an output to remove. */
    synchronized boolean expireFiles() {
        State now = state();
        if (now.status().equals("succeeded")) {
            boolean had = !now.dataRemoved();
            filesExpired = true;
            return had;
        }
        return false;
    }

    /** Holds the caller until the prediction is terminal or the clock reaches {@code deadlineNanos}. */
    synchronized State awaitTerminal(long deadlineNanos) throws InterruptedException {
        while (true) {
            long now = clock.getAsLong();
            State state = stateAt(now);
            if (state.terminal() || now >= deadlineNanos) {
                return state;
            }
            long wake = deadlineNanos;
            if (!stalled && outcome.isDone()) {
                long due = Math.max(createdNanos + latencyNanos, outcomeDoneNanos);
                if (due > now) {
                    wake = Math.min(wake, due);
                }
            }
            if (cancelAfterNanos > now) {
                wake = Math.min(wake, cancelAfterNanos);
            }
            long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(wake - now) + 1);
            wait(waitMillis); // woken early by a cancel or by the model's outcome
        }
    }

    private State stateAt(long now) {
        long cancelAt = canceledNanos;
        boolean byDeadline = false;
        if (cancelAfterNanos >= 0 && now >= cancelAfterNanos && (cancelAt < 0 || cancelAfterNanos < cancelAt)
                && !naturalState(cancelAfterNanos).terminal()) {
            cancelAt = cancelAfterNanos;
            byDeadline = true;
        }
        if (cancelAt >= 0) {
            long started = startedNanos();
            boolean hadStarted = cancelAt >= started;
            String status = byDeadline && !hadStarted ? "aborted" : "canceled";
            return new State(status, hadStarted ? started : -1, cancelAt, null, null, filesExpired);
        }
        State natural = naturalState(now);
        boolean retentionPassed = retentionNanos > 0 && natural.terminal() && now - natural.completedNanos() >= retentionNanos;
        if (retentionPassed || filesExpired) {
            return new State(natural.status(), natural.startedNanos(), natural.completedNanos(), natural.error(),
                    natural.plan(), true);
        }
        return natural;
    }

    private long startedNanos() {
        return createdNanos + latencyNanos / 3;
    }

    private State naturalState(long at) {
        long started = startedNanos();
        if (at < started) {
            return new State("starting", -1, -1, null, null, false);
        }
        long done = outcomeDoneNanos;
        long due = Math.max(createdNanos + latencyNanos, done);
        if (stalled || !outcome.isDone() || at < due) {
            return new State("processing", started, -1, null, null, false);
        }
        FakeMusicGen.Outcome result = outcome.getNow(null);
        if (injectedError != null) {
            return new State("failed", started, due, injectedError, null, false);
        }
        if (result == null || !result.succeeded()) {
            String error = result == null ? "The model crashed" : result.error();
            return new State("failed", started, due, error, null, false);
        }
        return new State("succeeded", started, due, null, result.plan(), false);
    }

    /** The prediction object as Replicate's API shows it. */
    ObjectNode toJson(ObjectMapper json) {
        State state = state();
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("model", MODEL);
        node.put("version", version);
        if (state.dataRemoved()) {
            node.putObject("input");
        } else {
            node.set("input", input.deepCopy());
        }
        node.put("logs", "");
        if (state.hasOutput()) {
            node.put("output", outputUrl);
        } else {
            node.putNull("output");
        }
        node.put("data_removed", state.dataRemoved());
        if (state.error() == null) {
            node.putNull("error");
        } else {
            node.put("error", state.error());
        }
        node.put("status", state.status());
        node.put("created_at", TIMESTAMP.format(createdAt.truncatedTo(ChronoUnit.MICROS)));
        putTime(node, "started_at", state.startedNanos());
        putTime(node, "completed_at", state.completedNanos());
        ObjectNode urls = node.putObject("urls");
        urls.put("cancel", apiBase + "/predictions/" + id + "/cancel");
        urls.put("get", apiBase + "/predictions/" + id);
        urls.put("web", "https://replicate.com/p/" + id);
        ObjectNode metrics = node.putObject("metrics");
        if (state.terminal() && state.startedNanos() >= 0) {
            metrics.put("predict_time", (state.completedNanos() - state.startedNanos()) / 1e9);
        }
        return node;
    }

    private void putTime(ObjectNode node, String name, long nanos) {
        if (nanos < 0) {
            node.putNull(name);
        } else {
            Instant at = createdAt.plusNanos(nanos - createdNanos).truncatedTo(ChronoUnit.MICROS);
            node.put(name, TIMESTAMP.format(at));
        }
    }
}
