package io.scenescore.run;

import org.apache.camel.Exchange;

/** Reads what renewing a run's lease answered: go on, stop because it was canceled, or stop because it is no longer ours. */
public final class RunGuard {

    /** Whether a scene's music failed in a way the run's error strategy decides about (not a stop, not halt). */
    public boolean sceneMayFallBack(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RunStop) {
                return false;
            }
        }
        return !exchange.getProperty("run", Run.class).params().halts();
    }

    /** A scene whose music failed gets silence of its length, with the failure's words in its status. */
    public SceneWork silence(SceneWork scene, Throwable failure) {
        return scene.silenced(failure.getMessage());
    }

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
