package io.scenescore.api;

/** 409: what was asked for does not exist yet (or the run did not make it). */
public class NotReady extends ApiProblem {

    public NotReady(String what) {
        super(409, "Not ready", what);
    }
}
