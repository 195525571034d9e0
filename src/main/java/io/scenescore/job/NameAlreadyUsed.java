package io.scenescore.job;

/** A job file was dropped under a name an earlier drop already has; its outbox files belong to that job. */
public class NameAlreadyUsed extends JobRefused {

    public NameAlreadyUsed(String detail) {
        super(detail);
    }
}
