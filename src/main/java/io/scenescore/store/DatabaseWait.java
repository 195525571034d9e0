package io.scenescore.store;

/**
 * How long one piece of work (a run, an outbox write) has waited for the database: the outage it is waiting
 * through now, if any, and the time waited through earlier ones. Shared by reference between the exchanges of a
 * run (exchange property {@code databaseWait}), so a wait in one scene is told when a later step writes.
 */
public final class DatabaseWait {

    private long since = -1;
    private long waitedMs;

    /** A transient database failure at {@code now}: opens an outage unless one is open. */
    public synchronized void failed(long now) {
        if (since < 0) {
            since = now;
        }
    }

    /** Milliseconds since the open outage began (0 when none is open). */
    public synchronized long waitingMs(long now) {
        return since < 0 ? 0 : now - since;
    }

    /** The database answered: the open outage, if any, is over and counted. */
    public synchronized void answered(long now) {
        if (since >= 0) {
            waitedMs += Math.max(0, now - since);
            since = -1;
        }
    }

    public synchronized long waitedMs() {
        return waitedMs;
    }

    /**
     * What the status says once the database answered again ("waited 12 s for the database"), null when the work
     * never waited; closes the open outage (a step that reads this is writing to the database).
     */
    public String note() {
        answered(System.currentTimeMillis());
        long ms = waitedMs();
        return ms <= 0 ? null : "waited " + Math.max(1, Math.round(ms / 1000.0)) + " s for the database";
    }

    @Override
    public String toString() {
        return "waited " + waitedMs() + " ms for the database";
    }
}
