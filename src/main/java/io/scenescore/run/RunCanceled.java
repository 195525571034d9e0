package io.scenescore.run;

/** The run was asked to stop; it ends canceled. */
public class RunCanceled extends RunStop {

    public RunCanceled(String jobId) {
        super("the run of job " + jobId + " was canceled on request");
    }
}
