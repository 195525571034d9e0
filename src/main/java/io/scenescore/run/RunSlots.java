package io.scenescore.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many runs this instance may execute at once, and who this instance is to the others sharing the
 * database. Only the dispatcher takes slots (on its one timer thread, after claiming no more runs than are
 * free); a run gives its slot back when it ends. It also knows which runs it is executing, so that only their leases
 * are renewed and none of them is claimed a second time (after a database outage longer than the lease).
 */
public final class RunSlots {

    private final Semaphore slots;
    private final String instanceId;
    private final int leaseSeconds;
    private final long heldFreshMs;
    private final Set<String> executing = ConcurrentHashMap.newKeySet();

    /**
     * @param heldFreshMs how long a look at a run's lease and cancel flag stays fresh (scenescore.lease.held-fresh-ms):
     *                    the hold after a scene's music is skipped within it ({@link Run#heldJustNow})
     */
    public RunSlots(int capacity, String instanceId, int leaseSeconds, long heldFreshMs) {
        if (capacity < 1) {
            throw new IllegalArgumentException("SCENESCORE_CONCURRENT_RUNS must be at least 1, got " + capacity);
        }
        this.slots = new Semaphore(capacity);
        this.instanceId = instanceId;
        this.leaseSeconds = leaseSeconds;
        this.heldFreshMs = heldFreshMs;
    }

    /**
     * What a claim of queued runs (and a renewal of this instance's leases) needs: who, for how long, how many, and
     * the ids of the runs it executes now, comma-separated (the SQL splits them).
     */
    public record Claim(String instanceId, int leaseSeconds, int freeSlots, String executing) {
    }

    public Claim claim() {
        return new Claim(instanceId, leaseSeconds, free(), String.join(",", executing));
    }

    public String instanceId() {
        return instanceId;
    }

    public int leaseSeconds() {
        return leaseSeconds;
    }

    public long heldFreshMs() {
        return heldFreshMs;
    }

    public int free() {
        return slots.availablePermits();
    }

    public void take(String jobId) {
        if (!slots.tryAcquire()) {
            throw new IllegalStateException("no free run slot: more runs were claimed than slots were free");
        }
        executing.add(jobId);
    }

    public void release(String jobId) {
        executing.remove(jobId);
        slots.release();
    }
}
