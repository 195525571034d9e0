package io.scenescore.job;

/** The job exists but has no such version (or no such scene): what was named is not there. */
public class UnknownVersion extends JobRefused {

    public UnknownVersion(String detail) {
        super(detail);
    }
}
