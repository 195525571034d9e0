package io.scenescore.replicate;

import io.scenescore.run.MusicSourceFailure;

/**
 * When to look at a prediction again: exponential from {@code initialMs} to {@code maxMs}, for at most
 * {@code maxPolls} looks or {@code budgetMs} in all, whichever comes first.
 */
public final class PollSchedule {

    private final long initialMs;
    private final long maxMs;
    private final int maxPolls;
    private final long budgetMs;
    private final int maxRetries;

    public PollSchedule(long initialMs, long maxMs, int maxPolls, long budgetMs, int maxRetries) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.maxPolls = maxPolls;
        this.budgetMs = budgetMs;
        this.maxRetries = maxRetries;
    }

    /** The wait before poll number {@code poll} (0-based). */
    public long delayMillis(int poll) {
        double d = initialMs * Math.pow(2, Math.min(poll, 30));
        return (long) Math.min(maxMs, d);
    }

    /** The wait before retry number {@code attempt} (0-based) of a failed call. */
    public long retryMillis(int attempt) {
        return delayMillis(attempt);
    }

    /** The number of the next retry of a failed call; gives up (the scene fails) when none are left. */
    public int nextRetry(int attempt, String what) {
        if (attempt + 1 > maxRetries) {
            throw new MusicSourceFailure("gave up " + what + " after " + (attempt + 1) + " attempts");
        }
        return attempt + 1;
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
