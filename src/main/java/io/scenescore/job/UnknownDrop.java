package io.scenescore.job;

/** A dropped file names a job by the name of an earlier drop, and there was none. */
public class UnknownDrop extends JobRefused {

    public UnknownDrop(String detail) {
        super(detail);
    }
}
