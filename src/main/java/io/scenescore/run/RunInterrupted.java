package io.scenescore.run;

/** This instance is shutting down mid-run: the run is left as it stands, for another instance to resume. */
public class RunInterrupted extends RunStop {

    public RunInterrupted(String jobId) {
        super("the run of job " + jobId + " was interrupted by a shutdown; another instance resumes it");
    }
}
