package io.scenescore.replicate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Map;

import io.scenescore.media.RawAudio;
import io.scenescore.run.RunPlan;
import io.scenescore.run.Scene;
import io.scenescore.run.SceneSegment;
import io.scenescore.run.ScoreSheet;

/** Starts and keeps the chain of predictions of one scene, and the files its pieces are saved in. */
public final class ReplicateChains {

    private final ContinuationPlanner planner;
    private final int windowSeconds;

    public ReplicateChains(ContinuationPlanner planner, int windowSeconds) {
        this.planner = planner;
        this.windowSeconds = windowSeconds;
    }

    /**
     * The scene's predictions, continuing the previous scene's piece when that came from Replicate: from its
     * output URL, or, when the piece was restored from the database by a resumed run (its URL may have
     * expired after Replicate's hour), from {@code windowUrl}, a data: URL holding just its last seconds.
     */
    public SceneChain start(double pieceSeconds, ScoreSheet sheet, String windowUrl) {
        SceneSegment previous = sheet.previous().orElse(null);
        if (previous != null && previous.restored() && previous.continuationUrl() != null && previous.continuationSeconds() > 0) {
            return windowUrl == null ? new SceneChain(planner.plan(pieceSeconds, null), null)
                    : new SceneChain(planner.plan(pieceSeconds, restoredWindow(sheet)), windowUrl);
        }
        return startAsInterruptedAttempt(pieceSeconds, sheet);
    }

    /**
     * The chain as the interrupted attempt planned it, continuing the previous piece from its output URL even
     * when that piece was restored: what that attempt sent is what to look for in Replicate's list.
     */
    public SceneChain startAsInterruptedAttempt(double pieceSeconds, ScoreSheet sheet) {
        SceneSegment previous = sheet.previous().orElse(null);
        if (previous == null || previous.continuationUrl() == null || previous.continuationSeconds() <= 0) {
            return new SceneChain(planner.plan(pieceSeconds, null), null);
        }
        return new SceneChain(planner.plan(pieceSeconds, previous.continuationSeconds()), previous.continuationUrl());
    }

    /**
     * Whole seconds of a restored previous piece to send as the continuation window: the configured window,
     * or less when the piece is shorter; 0 when there is nothing to continue from the database.
     */
    public int restoredWindow(ScoreSheet sheet) {
        return sheet.previous()
                .filter(p -> p.restored() && p.continuationUrl() != null && p.continuationSeconds() > 0)
                .map(p -> (int) Math.min(windowSeconds, Math.floor(p.durationSeconds())))
                .orElse(0);
    }

    /** The stored segment of the previous scene. */
    public Path previousFile(ScoreSheet sheet) {
        return sheet.previous().map(SceneSegment::file).orElseThrow();
    }

    /** The window as a data: URL: mono 16-bit 32 kHz WAV keeps 2 s at 171 kB of base64, under Replicate's 256 kB advice. */
    public String dataUrl(Path windowWav) throws IOException {
        return "data:audio/wav;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(windowWav));
    }

    /** A prediction an interrupted attempt left in flight, if it is this one of the chain. */
    public Prediction adoptable(Map<String, Object> inflight, int generationIndex) {
        if (inflight == null || inflight.get("prediction_id") == null) {
            return null;
        }
        Number index = (Number) inflight.get("prediction_index");
        return index != null && index.intValue() == generationIndex ? Prediction.adopted(String.valueOf(inflight.get("prediction_id"))) : null;
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
