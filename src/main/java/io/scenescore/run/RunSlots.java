package io.scenescore.run;

import java.util.concurrent.Semaphore;

/** How many runs this instance may execute at once; the dispatcher claims a run only when a slot is free. */
public final class RunSlots {

    private final Semaphore slots;
    private final int capacity;

    public RunSlots(int capacity) {
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
    }

    public boolean tryAcquire() {
        return slots.tryAcquire();
    }

    public void release() {
        slots.release();
    }

    public int inUse() {
        return capacity - slots.availablePermits();
    }
}
