package io.scenescore.replicate;

import java.nio.file.Path;

import io.scenescore.run.Run;
import io.scenescore.run.SceneWork;

/** The calls the Replicate routes make, as {@link ReplicateCall}s for route {@code replicate-request}. */
public final class ReplicateCalls {

    private final String baseUrl;
    private final int preferWaitSeconds;

    public ReplicateCalls(String baseUrl, int preferWaitSeconds) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.preferWaitSeconds = preferWaitSeconds;
    }

    /** Creates the chain's current prediction; Prefer: wait lets a quick one come back finished. */
    public ReplicateCall create(SceneChain chain) {
        return new ReplicateCall("POST", baseUrl + "/predictions", chain.createBody(), true, "wait=" + preferWaitSeconds,
                "creating the prediction");
    }

    public ReplicateCall poll(SceneChain chain) {
        String id = chain.prediction().id();
        return new ReplicateCall("GET", baseUrl + "/predictions/" + id, null, true, null, "polling prediction " + id);
    }

    public ReplicateCall list() {
        return new ReplicateCall("GET", baseUrl + "/predictions", null, true, null, "listing predictions");
    }

    public ReplicateCall cancel(String predictionId) {
        return new ReplicateCall("POST", baseUrl + "/predictions/" + predictionId + "/cancel", null, true, null,
                "canceling prediction " + predictionId);
    }

    /**
     * The current prediction's output file, written to {@link #partialFile} as it arrives: no token is sent, delivery
     * URLs need none and may be on another host.
     */
    public ReplicateCall download(SceneChain chain, SceneWork work, Run run) {
        Prediction p = chain.prediction();
        return new ReplicateCall("GET", p.outputUrl(), null, false, null, "downloading the output of prediction " + p.id(),
                partialFile(outputFile(chain, work, run)));
    }

    /** The file the current generation's output is kept in. */
    static Path outputFile(SceneChain chain, SceneWork work, Run run) {
        return run.plan().scratchFile(work.index(), String.format("prediction-%02d.wav", chain.current()));
    }

    /** Where a download is written until it is whole. */
    static Path partialFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".part");
    }
}
