package io.scenescore.replicate;

import io.scenescore.run.SetupFailure;

/** Replicate refused the token (401) or what it may do (403): no scene can succeed, so the run fails at once. */
public final class ReplicateRefused extends SetupFailure {

    public ReplicateRefused(String message) {
        super(message);
    }
}
