package io.scenescore.job;

/** No job with that id. */
public class UnknownJob extends JobRefused {

    public UnknownJob(String jobId) {
        super("no job with id " + jobId);
    }
}
