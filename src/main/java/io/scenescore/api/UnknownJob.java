package io.scenescore.api;

/** 404: no job with that id. */
public class UnknownJob extends ApiProblem {

    public UnknownJob(String jobId) {
        super(404, "Unknown job", "no job with id " + jobId);
    }
}
