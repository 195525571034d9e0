package io.scenescore.replicate;

/**
 * When to look at a prediction again: exponential from {@code initialMs} to {@code maxMs}, for at most
 * {@code maxPolls} looks or {@code budgetMs} in all, whichever comes first.
 */
public final class PollSchedule {

    private final long initialMs;
    private final long maxMs;
    private final int maxPolls;
    private final long budgetMs;

    public PollSchedule(long initialMs, long maxMs, int maxPolls, long budgetMs) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.maxPolls = maxPolls;
        this.budgetMs = budgetMs;
    }

    /** The wait before poll number {@code poll} (0-based). */
    public long delayMillis(int poll) {
        double d = initialMs * Math.pow(2, Math.min(poll, 30));
        return (long) Math.min(maxMs, d);
    }

    /** When a prediction created now must have finished, in epoch millis. */
    public long deadline() {
        return System.currentTimeMillis() + budgetMs;
    }

    /** Whether to look again: not finished, polls left, and time left. */
    public boolean keepPolling(boolean terminal, int polls, long deadlineMs) {
        return !terminal && polls < maxPolls && System.currentTimeMillis() < deadlineMs;
    }
}
