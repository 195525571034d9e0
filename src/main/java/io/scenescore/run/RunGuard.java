package io.scenescore.run;

/** Reads what renewing a run's lease answered: go on, stop because it was canceled, or stop because it is no longer ours. */
public final class RunGuard {

    /** @param cancelRequested the renewal's answer: null when no row was renewed */
    public void check(String jobId, Boolean cancelRequested) {
        if (cancelRequested == null) {
            throw new LeaseLost(jobId);
        }
        if (cancelRequested) {
            throw new RunCanceled(jobId);
        }
    }
}
