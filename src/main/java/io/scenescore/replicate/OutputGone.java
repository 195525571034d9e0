package io.scenescore.replicate;

/**
 * A prediction's output file was not there (404 or another 4xx from the file host), though the prediction said
 * it succeeded: often a moment too early, sometimes expired. Tried again a few times
 * (scenescore.replicate.download-retries), then the prediction is read once more.
 */
public final class OutputGone extends ReplicateBusy {

    public OutputGone(String message) {
        super(message, null, false);
    }
}
