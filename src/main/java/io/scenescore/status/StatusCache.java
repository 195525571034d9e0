package io.scenescore.status;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The status documents pollers asked for, kept while nothing in them changed, so that a poll is answered from
 * memory. PostgreSQL announces every change to a job's rows (migration V11, channel scenescore_status) and
 * {@link StatusChanges} passes each announcement to {@link #changed}, on every instance. Nothing is served from
 * here while that listening is down, and an entry older than {@code maxAgeMs} is read again anyway (a safety net
 * for a database path that cannot deliver notifications, such as a pooler in transaction mode).
 *
 * <p>A document read from the database is kept only when no change of its job was announced since the read
 * began: {@link #lookup} hands out a ticket, {@link #keep} checks it.
 */
public final class StatusCache {

    /** A lookup's outcome: the cached document (null on a miss) and the ticket to keep the one read instead. */
    public record Lookup(String jobId, String document, long changesSeen, long epoch) {
        public boolean hit() {
            return document != null;
        }
    }

    private record Kept(String document, long keptAt) { }

    private static final int MAX_JOBS = 10_000;

    private final Map<String, Kept> documents = new ConcurrentHashMap<>();
    // the announcement number of each job's last change; cleared when it grows, raising floor instead
    private final Map<String, Long> lastChange = new ConcurrentHashMap<>();
    private final long maxAgeMs;
    private final LongSupplier clock;
    private long changes;
    private long floor;
    private long epoch;
    private volatile boolean listening;

    public StatusCache(long maxAgeMs) {
        this(maxAgeMs, System::currentTimeMillis);
    }

    StatusCache(long maxAgeMs, LongSupplier clock) {
        this.maxAgeMs = maxAgeMs;
        this.clock = clock;
    }

    /** The job's cached document if there is one still valid, with the ticket to keep a fresh one otherwise. */
    public Lookup lookup(String jobId) {
        long seen;
        long at;
        synchronized (this) {
            seen = changes;
            at = epoch;
        }
        Kept kept = listening && maxAgeMs > 0 ? documents.get(jobId) : null;
        boolean fresh = kept != null && clock.getAsLong() - kept.keptAt() < maxAgeMs;
        return new Lookup(jobId, fresh ? kept.document() : null, seen, at);
    }

    /** Keeps the document read after {@code lookup}, unless its job changed since (or listening stopped). */
    public synchronized void keep(Lookup lookup, String document) {
        if (!listening || maxAgeMs <= 0 || document == null || lookup.epoch() != epoch || lookup.changesSeen() < floor
                || lastChange.getOrDefault(lookup.jobId(), 0L) > lookup.changesSeen()) {
            return;
        }
        if (documents.size() >= MAX_JOBS) {
            documents.clear();
        }
        documents.put(lookup.jobId(), new Kept(document, clock.getAsLong()));
    }

    /** The job's rows changed (announced by PostgreSQL, or written by this instance): its document is read again. */
    public synchronized void changed(String jobId) {
        changes++;
        if (lastChange.size() >= MAX_JOBS) {
            lastChange.clear();
            floor = changes;
        }
        lastChange.put(jobId, changes);
        documents.remove(jobId);
    }

    /** Listening started: documents may be kept from now on. */
    public synchronized void listening() {
        epoch++;
        listening = true;
    }

    /** Listening stopped (the connection was lost): nothing is served or kept until it starts again. */
    public synchronized void deaf() {
        epoch++;
        listening = false;
        documents.clear();
    }
}
