package io.scenescore.job;

/** The job has no run queued or running. */
public class NothingToCancel extends JobRefused {

    public NothingToCancel(String jobId) {
        super("job " + jobId + " has no run queued or running");
    }
}
