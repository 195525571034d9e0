package io.scenescore.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.scenescore.job.AudioParams;

/**
 * What travels with one run of a job through its routes (exchange property {@code run}): its plan, the pieces
 * made so far, the stage it is at, the instance holding it, and, once joined, its soundtrack. The SQL of the
 * run reads its fields ({@code ${exchangeProperty.run.jobId}}).
 */
public final class Run {

    private final RunPlan plan;
    private final String instanceId;
    private final int leaseSeconds;
    private final ScoreSheet sheet = new ScoreSheet();
    private volatile String stage = "generating";
    private volatile Soundtrack soundtrack;
    private volatile io.scenescore.media.MasteringGain mastering;
    private volatile VideoMix videoMix;
    private volatile Integer version;
    private final long heldFreshNanos;
    private volatile Long heldAtNanos;

    /**
     * @param heldFreshMs how long a look at the run's lease and cancel flag stays fresh: the hold after a scene's
     *                    music is skipped within it (a prediction answered at once was held as it was recorded). Far
     *                    shorter than a lease; a cancel that came in it is seen at the next scene's start (or before
     *                    the join), milliseconds later
     */
    public Run(RunPlan plan, String instanceId, int leaseSeconds, long heldFreshMs) {
        this.plan = plan;
        this.instanceId = instanceId;
        this.leaseSeconds = leaseSeconds;
        this.heldFreshNanos = heldFreshMs * 1_000_000L;
    }

    public String jobId() {
        return plan.jobId();
    }

    public RunPlan plan() {
        return plan;
    }

    public AudioParams params() {
        return plan.params();
    }

    public String provider() {
        return plan.provider();
    }

    public String instanceId() {
        return instanceId;
    }

    public int leaseSeconds() {
        return leaseSeconds;
    }

    public ScoreSheet sheet() {
        return sheet;
    }

    /** The piece scene {@code index} continues: the scene before it, unless the run is a draft (continuity independent). */
    public Optional<SceneSegment> previous(int index) {
        return params().independent() ? Optional.empty() : sheet.previous(index);
    }

    public String stage() {
        return stage;
    }

    /** Moves the run to a stage (generating, merging, muxing); the next lease renewal stores it. */
    public Run enter(String stage) {
        this.stage = stage;
        return this;
    }

    /** The scenes still to make, after those already in the sheet, each as the work item its route takes. */
    public List<SceneWork> remainingScenes() {
        return plan.scenes().stream().filter(s -> !sheet.has(s.index()))
                .map(s -> new SceneWork(s, plan.pieceSeconds(s), plan.provider(), plan.segmentFile(s.index())))
                .toList();
    }

    /** The gain the soundtrack is mastered with, from what the join measured. */
    public io.scenescore.media.MasteringGain mastering() {
        return mastering;
    }

    public void masterWith(io.scenescore.media.MasteringGain gain) {
        this.mastering = gain;
    }

    public Soundtrack soundtrack() {
        return soundtrack;
    }

    public void joined(Soundtrack soundtrack) {
        this.soundtrack = soundtrack;
    }

    /** How the soundtrack is laid under the video, once a merge has chosen it (null before). */
    public VideoMix videoMix() {
        return videoMix;
    }

    public void mixWith(VideoMix mix) {
        this.videoMix = mix;
    }

    /** The parameters the run is made with, as JSON: what its version records. */
    public String paramsJson() throws com.fasterxml.jackson.core.JsonProcessingException {
        return PARAMS_JSON.writeValueAsString(plan.params());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PARAMS_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The job's version this run's soundtrack was stored as (1, 2, ...); null until it is stored. */
    public Integer version() {
        return version;
    }

    public void storedAs(Number version) {
        this.version = version == null ? null : version.intValue();
    }

    /**
     * The named parameters of a statement that holds the run through {@code hold_run} (job_id, owner, stage,
     * lease_seconds), in a map the statement gets as its body: camel-sql reads a name straight from it, where each
     * {@code :#${...}} parameter costs it a copy of the exchange and an expression (a statement between two
     * predictions had seven or eight). The note of a database outage stays an expression in the statement: reading it
     * closes the outage, which only the statement's own binding may do. The caller adds its own.
     */
    public Map<String, Object> holdParameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("job_id", jobId());
        parameters.put("owner", instanceId);
        parameters.put("stage", stage);
        parameters.put("lease_seconds", leaseSeconds);
        return parameters;
    }

    /** The run's lease was just renewed and no cancel was asked for ({@link RunGuard#held}). */
    void held() {
        heldAtNanos = System.nanoTime();
    }

    /** Whether the run was held within its fresh time: holding it again would tell nothing new. */
    public boolean heldJustNow() {
        Long at = heldAtNanos;
        return at != null && System.nanoTime() - at < heldFreshNanos;
    }

    @Override
    public String toString() {
        return "run of job " + jobId();
    }
}
