package io.scenescore.replicate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.scenescore.media.RawAudio;
import io.scenescore.media.SceneAudioCommands;
import io.scenescore.run.Run;
import io.scenescore.run.SceneCue;
import io.scenescore.run.SceneSegment;
import io.scenescore.run.SceneWork;

/** Starts and keeps the chain of predictions of one scene, and the files its pieces are saved in. */
public final class ReplicateChains {

    private final ContinuationPlanner planner;
    private final int windowSeconds;
    private final PollSchedule schedule;
    private final MusicGenRequests requests;
    private final ReplicateAnswers answers = new ReplicateAnswers();
    private final SceneAudioCommands cuts = new SceneAudioCommands();
    private final io.scenescore.media.PcmSceneFit pcmCuts = new io.scenescore.media.PcmSceneFit();

    public ReplicateChains(ContinuationPlanner planner, int windowSeconds, PollSchedule schedule, MusicGenRequests requests) {
        this.planner = planner;
        this.windowSeconds = windowSeconds;
        this.schedule = schedule;
        this.requests = requests;
    }

    /**
     * The scene's predictions, continuing the previous scene's piece when that came from Replicate: from its
     * output URL, or, when the piece was restored from the database by a resumed run (its URL may have
     * expired after Replicate's hour), from its last seconds cut into the chain's window file and sent as a
     * data: URL. An interrupted scene also keeps the plan its interrupted attempt sent, to find its lost create.
     */
    public SceneChain start(SceneWork work, Run run) {
        SceneSegment previous = run.previous(work.index()).orElse(null);
        boolean continuable = previous != null && previous.continuationUrl() != null && previous.continuationSeconds() > 0;
        List<Generation> asSentBefore = continuable ? planner.plan(work.pieceSeconds(), previous.continuationSeconds())
                : planner.plan(work.pieceSeconds(), null);
        String urlSentBefore = continuable ? previous.continuationUrl() : null;
        List<Generation> interrupted = work.interrupted() ? asSentBefore : null;
        int window = restoredWindow(previous);
        SceneCue cue = requests.cue(work.scene(), run.params());
        if (window > 0) {
            Path windowFile = run.plan().scratchFile(work.index(), "window.wav");
            return new SceneChain(planner.plan(work.pieceSeconds(), window), null, interrupted, urlSentBefore, windowFile, schedule)
                    .continuing(previous, window, cue);
        }
        return new SceneChain(asSentBefore, urlSentBefore, interrupted, urlSentBefore, null, schedule).continuing(previous, 0, cue);
    }

    /**
     * Whole seconds of a restored previous piece to send as the continuation window; 0 when there is none. Restored:
     * read back from the database by a resumed run, or kept from an earlier version by a run regenerating scenes.
     */
    private int restoredWindow(SceneSegment previous) {
        return java.util.Optional.ofNullable(previous)
                .filter(p -> p.restored() && p.continuationUrl() != null && p.continuationSeconds() > 0)
                .map(p -> (int) Math.min(windowSeconds, Math.floor(p.durationSeconds())))
                .orElse(0);
    }

    /** The restored previous piece's last seconds, cut into the chain's window file, become its input as a data: URL. */
    public void continueWindow(SceneChain chain) throws IOException {
        // mono 16-bit 32 kHz WAV keeps 2 s at 171 kB of base64, under Replicate's 256 kB advice
        chain.continueFrom("data:audio/wav;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(chain.windowFile())));
    }

    /**
     * Cuts the restored previous piece's last seconds into the chain's window file on its PCM, in Java; false when the
     * piece is not a WAV at MusicGen's rate (a FLAC stored by an earlier version) and FFmpeg has to ({@link #windowCommand}).
     */
    public boolean cutWindow(SceneChain chain) throws IOException {
        return pcmCuts.window(chain.continued().file(), chain.windowSeconds(), chain.windowFile());
    }

    /** The FFmpeg run that cuts the restored previous piece's last seconds into the chain's window file. */
    public List<String> windowCommand(SceneChain chain, Run run) {
        return cuts.window(chain.continued().file(), chain.windowSeconds(), chain.windowFile());
    }

    /**
     * Readies the chain's current generation: the prediction an interrupted attempt left in flight for it is
     * adopted (polled, not made again); otherwise the create body is prepared.
     */
    public void next(SceneChain chain, SceneWork work, Run run) throws IOException {
        String inflight = work.interruptedPrediction(chain.current());
        if (inflight != null) {
            chain.awaiting(Prediction.adopted(inflight));
            return;
        }
        chain.forgetPrediction();
        chain.prepared(requests.create(work.scene(), run.params(), chain.generation(), chain.inputUrl()));
    }

    /** What a create answered: the prediction to wait for. */
    public void created(SceneChain chain, String answer) throws IOException {
        chain.awaiting(answers.prediction(answer));
    }

    /**
     * The prediction read again after its output file was not there: a succeeded prediction with an output URL is
     * fetched again from it; one without (expired, data removed) gives the scene up.
     */
    public void reread(SceneChain chain, String answer) throws IOException {
        String id = chain.prediction().id();
        Prediction again = answers.prediction(answer);
        if (!again.succeeded() || again.outputUrl() == null) {
            throw new io.scenescore.run.MusicSourceFailure("the output of prediction " + id + " is gone (the prediction is "
                    + again.status() + " and lists no output any more)");
        }
        chain.reread(again);
    }

    /** What a poll answered. */
    public void polled(SceneChain chain, String answer) throws IOException {
        chain.polled(answers.prediction(answer));
    }

    /**
     * After a create whose answer was lost, or an interrupted attempt: the prediction in Replicate's list made
     * from what was sent, unclaimed by any scene, is adopted, so that never two run. Replicate has no
     * idempotency key, so identical input is the best evidence.
     */
    public void lookedFor(SceneChain chain, SceneWork work, Run run, String list) throws IOException {
        List<Map<String, Object>> known = chain.claimedElsewhere();
        Prediction found = answers.findCreated(list, chain.createBody(), known);
        if (found == null && chain.mayHaveBeenCreatedBefore() && chain.interruptedGenerations() != null) {
            String sentBefore = requests.create(work.scene(), run.params(), chain.interruptedGenerations().get(0),
                    chain.interruptedInputUrl());
            found = answers.findCreated(list, sentBefore, known);
            if (found != null) {
                chain.followInterruptedPlan();
                chain.prepared(sentBefore);
            }
        }
        if (found != null) {
            chain.awaiting(found);
        }
    }

    /** The predictions scenes already wait for or used (rows of prediction_id): never adopted by another. */
    public void claimedElsewhere(SceneChain chain, List<Map<String, Object>> known) {
        chain.claimedElsewhere(known);
    }

    /** Keeps a downloaded piece, written whole ({@link ReplicateAnswers#answer}), and moves the chain to its next generation. */
    public void downloaded(SceneChain chain, SceneWork work, Run run) throws IOException {
        Path file = ReplicateCalls.outputFile(chain, work, run);
        Files.move(ReplicateCalls.partialFile(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        chain.record(file);
    }

    /**
     * The scene's last prediction succeeded: the next scene continues its output URL at once, and its file is
     * fetched beside that generation (direct:collect-replicate, then {@link #finish}).
     */
    public SceneWork ended(SceneChain chain, SceneWork work) {
        return work.continuedFrom(chain.prediction().outputUrl(), chain.lastOutputSeconds(), chain.prediction().id())
                .toCollect();
    }

    /** The scene's pieces, each with the window it repeats, once its last output is fetched ({@link #ended} set what the next scene continues). */
    public SceneWork finish(SceneChain chain, SceneWork work) {
        return work.collected().made(new RawAudio(chain.files(), chain.windows()))
                .cued(chain.cue().madeBy(chain.predictionIds()));
    }

    /** The parameters of record-prediction.sql: the run's hold, the scene's index, the prediction made for it. */
    public Map<String, Object> recordParameters(SceneChain chain, SceneWork scene, Run run) {
        Map<String, Object> parameters = run.holdParameters();
        parameters.put("scene_index", scene.index());
        parameters.put("prediction_id", chain.prediction().id());
        parameters.put("prediction_index", chain.current());
        return parameters;
    }
}
