package io.scenescore.job;

/** The job already has a run queued or running. */
public class RunAlreadyActive extends JobRefused {

    public RunAlreadyActive(String jobId) {
        super("job " + jobId + " already has a run queued or running; poll its status or cancel it");
    }
}
