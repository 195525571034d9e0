package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.scenescore.job.FieldError;
import io.scenescore.job.JobRefused;
import io.scenescore.job.JobRequests.RunRequest;
import io.scenescore.job.JobRequests;
import io.scenescore.video.VideoChecks;

/** The checks a run's video needs when the run is asked for: merging needs a video; tempo changes have limits. */
class VideoChecksTest {

    private static final String TEN_SECONDS = "{\"scenes\": [{\"description\": \"a\", \"duration\": 4}, {\"description\": \"b\", \"duration\": 6}]}";
    private final JobRequests requests = new JobRequests();
    private final VideoChecks checks = new VideoChecks();

    private RunRequest run(String params) throws Exception {
        return requests.readRun("{\"job_id\": \"3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c\", \"audio_params\": " + params + "}");
    }

    private static Map<String, Object> video(double seconds) {
        return Map.of("content", 1234L, "duration_seconds", seconds);
    }

    private static String field(JobRefused problem) {
        return problem.errors().stream().map(FieldError::field).findFirst().orElseThrow();
    }

    @Test
    void mergingAJobWithoutAVideoIsRefusedNamingMergeWithVideo() {
        JobRefused refused = catchThrowableOfType(JobRefused.class,
                () -> checks.checkStored(run("{\"merge_with_video\": true}"), TEN_SECONDS, null));

        assertThat(Refusals.status(refused)).isEqualTo(400);
        assertThat(field(refused)).isEqualTo("audio_params.merge_with_video");
        assertThat(refused.getMessage()).contains("no video");
    }

    @Test
    void stretchingBeyondFourTimesEitherWayIsRefusedAtStart() {
        JobRefused tooFast = catchThrowableOfType(JobRefused.class,
                () -> checks.checkStored(run("{\"merge_with_video\": true, \"sync_mode\": \"stretch\"}"), TEN_SECONDS, video(2)));
        JobRefused tooSlow = catchThrowableOfType(JobRefused.class,
                () -> checks.checkStored(run("{\"merge_with_video\": true, \"sync_mode\": \"stretch\"}"), TEN_SECONDS, video(45)));

        assertThat(field(tooFast)).isEqualTo("audio_params.sync_mode");
        assertThat(tooFast.getMessage()).contains("5x").contains("10.00 s soundtrack").contains("2.00 s video");
        assertThat(field(tooSlow)).isEqualTo("audio_params.sync_mode");
        assertThat(tooSlow.getMessage()).contains("0.222x");
    }

    @Test
    void compressOnlySpeedsUpSoOnlyTooLongMusicIsRefused() throws Exception {
        RunRequest compress = run("{\"merge_with_video\": true, \"sync_mode\": \"compress\"}");

        assertThatCode(() -> checks.checkStored(compress, TEN_SECONDS, video(600))).doesNotThrowAnyException();
        assertThat(Refusals.status(catchThrowableOfType(JobRefused.class, () -> checks.checkStored(compress, TEN_SECONDS, video(2))))).isEqualTo(400);
    }

    @Test
    void theLimitsAreInclusiveAndTrimHasNone() throws Exception {
        assertThatCode(() -> checks.checkStored(run("{\"merge_with_video\": true, \"sync_mode\": \"stretch\"}"), TEN_SECONDS, video(2.5)))
                .doesNotThrowAnyException();
        assertThatCode(() -> checks.checkStored(run("{\"merge_with_video\": true, \"sync_mode\": \"stretch\"}"), TEN_SECONDS, video(40)))
                .doesNotThrowAnyException();
        assertThatCode(() -> checks.checkStored(run("{\"merge_with_video\": true}"), TEN_SECONDS, video(0.5))).doesNotThrowAnyException();
    }

    @Test
    void aRunThatDoesNotMergeIsNotChecked() throws Exception {
        assertThatCode(() -> checks.checkStored(run("{\"sync_mode\": \"stretch\"}"), TEN_SECONDS, null)).doesNotThrowAnyException();
        assertThatCode(() -> checks.checkStored(run("{\"sync_mode\": \"stretch\"}"), TEN_SECONDS, video(1))).doesNotThrowAnyException();
    }

    @Test
    void aMediaStoredWithoutItsFactsIsProbedWhenARunMergesIt() throws Exception {
        RunRequest merge = run("{\"merge_with_video\": true}");

        assertThat(checks.needsProbe(merge, Map.of("content", 1L))).isTrue();
        assertThat(checks.needsProbe(merge, video(3))).isFalse();
        assertThat(checks.needsProbe(merge, null)).isFalse();
        assertThat(checks.needsProbe(run("{}"), Map.of("content", 1L))).isFalse();
    }
}
