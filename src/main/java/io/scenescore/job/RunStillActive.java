package io.scenescore.job;

/** The job cannot be deleted while a run of it is queued or running. */
public class RunStillActive extends JobRefused {

    public RunStillActive(String jobId) {
        super("job " + jobId + " has a run queued or running; cancel it first (POST /api/v3/audio/" + jobId
                + "/cancel) and delete the job once the run has ended (status canceled)");
    }
}
