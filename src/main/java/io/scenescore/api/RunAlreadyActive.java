package io.scenescore.api;

/** 409: the job already has a run queued or running. */
public class RunAlreadyActive extends ApiProblem {

    public RunAlreadyActive(String jobId) {
        super(409, "Run already active", "job " + jobId + " already has a run queued or running; poll its status or cancel it");
    }
}
