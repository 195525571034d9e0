package io.scenescore.job;

/** What was asked for does not exist yet (or the run did not make it). */
public class NotReady extends JobRefused {

    public NotReady(String what) {
        super(what);
    }
}
