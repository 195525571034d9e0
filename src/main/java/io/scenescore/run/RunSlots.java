package io.scenescore.run;

import java.util.concurrent.Semaphore;

/**
 * How many runs this instance may execute at once. Only the dispatcher takes slots (on its one timer
 * thread, after claiming no more runs than are free); a run gives its slot back when it ends.
 */
public final class RunSlots {

    private final Semaphore slots;

    public RunSlots(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("SCENESCORE_CONCURRENT_RUNS must be at least 1, got " + capacity);
        }
        this.slots = new Semaphore(capacity);
    }

    public int free() {
        return slots.availablePermits();
    }

    public void take() {
        if (!slots.tryAcquire()) {
            throw new IllegalStateException("no free run slot: more runs were claimed than slots were free");
        }
    }

    public void release() {
        slots.release();
    }
}
