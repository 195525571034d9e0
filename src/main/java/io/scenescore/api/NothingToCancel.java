package io.scenescore.api;

/** 409: the job has no run queued or running. */
public class NothingToCancel extends ApiProblem {

    public NothingToCancel(String jobId) {
        super(409, "Nothing to cancel", "job " + jobId + " has no run queued or running");
    }
}
