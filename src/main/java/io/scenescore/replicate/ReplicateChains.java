package io.scenescore.replicate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.scenescore.media.RawAudio;
import io.scenescore.run.RunPlan;
import io.scenescore.run.Scene;
import io.scenescore.run.SceneSegment;
import io.scenescore.run.ScoreSheet;

/** Starts and keeps the chain of predictions of one scene, and the files its pieces are saved in. */
public final class ReplicateChains {

    private final ContinuationPlanner planner;

    public ReplicateChains(ContinuationPlanner planner) {
        this.planner = planner;
    }

    /** The scene's predictions, continuing the previous scene's piece when that came from Replicate. */
    public SceneChain start(double pieceSeconds, ScoreSheet sheet) {
        SceneSegment previous = sheet.previous().orElse(null);
        boolean continues = previous != null && previous.continuationUrl() != null && previous.continuationSeconds() > 0;
        return new SceneChain(planner.plan(pieceSeconds, continues ? previous.continuationSeconds() : null),
                continues ? previous.continuationUrl() : null);
    }

    public void record(SceneChain chain, Prediction prediction, Path file) {
        chain.record(prediction.id(), prediction.outputUrl(), file);
    }

    public Path downloadFile(RunPlan plan, Scene scene, int index) {
        return plan.workDir().resolve(String.format("scene-%03d-prediction-%02d.wav", scene.index(), index));
    }

    /** The downloaded pieces, each with the window it repeats from the one before. */
    public RawAudio raw(SceneChain chain) {
        return new RawAudio(chain.files(), chain.windows());
    }

    /** Writes a downloaded piece whole, or not at all. */
    public Path save(byte[] content, Path file) throws IOException {
        if (content == null || content.length == 0) {
            throw new IOException("the output download was empty");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.write(partial, content);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
