package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.AudioParams;
import io.scenescore.job.FieldError;
import io.scenescore.job.JobRefused;
import io.scenescore.job.JobRequests.RunRequest;
import io.scenescore.job.JobRequests;
import io.scenescore.job.Scene;

/** Run requests name a stored job or carry a storyboard, never both; ids are UUIDs; parameters travel as JSON. */
class JobRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB_ID = "3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c";
    private static final String STORYBOARD = "{\"scenes\": [{\"description\": \"rain\", \"duration\": 4}, "
            + "{\"prompt\": \"thunder\", \"duration\": 6}]}";

    private final JobRequests requests = new JobRequests();

    private List<FieldError> refusal(String body) {
        JobRefused problem = catchThrowableOfType(JobRefused.class, () -> requests.readRun(body));
        assertThat(problem).as("readRun(%s) should be refused", body).isNotNull();
        assertThat(Refusals.status(problem)).isEqualTo(400);
        return problem.errors();
    }

    @Test
    void aJobIdNamesAStoredJobWithDefaultParams() throws Exception {
        RunRequest run = requests.readRun("{\"job_id\": \"" + JOB_ID + "\"}");

        assertThat(run.jobId()).isEqualTo(JOB_ID);
        assertThat(run.job()).isNull();
        assertThat(run.inline()).isFalse();
        assertThat(run.targetJobId()).isEqualTo(JOB_ID);
        assertThat(run.params()).isEqualTo(AudioParams.defaults());
    }

    @Test
    void aJobIdIsNormalisedToALowerCaseUuid() throws Exception {
        RunRequest run = requests.readRun("{\"job_id\": \" " + JOB_ID.toUpperCase() + " \"}");

        assertThat(run.jobId()).isEqualTo(JOB_ID);
        assertThat(requests.jobId(JOB_ID.toUpperCase())).isEqualTo(JOB_ID);
    }

    @ParameterizedTest(name = "job_id {0}")
    @ValueSource(strings = {"\"abc\"", "\"1-2-3-4-5\"", "\"\"", "12345", "\"3f2b6c1e8a4d4c1e9b7a2d5e8f0a1b2c\"",
            "\"3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c0\""})
    void aJobIdThatIsNotAUuidIsRefused(String jobId) {
        List<FieldError> errors = refusal("{\"job_id\": " + jobId + "}");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("job_id");
            assertThat(e.message()).startsWith("must be a job id (a UUID");
        });
    }

    @Test
    void jobIdFromAPathIsCheckedToo() {
        JobRefused problem = catchThrowableOfType(JobRefused.class, () -> requests.jobId("not-a-uuid"));

        assertThat(Refusals.status(problem)).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("job_id");
        assertThat(problem.getMessage()).startsWith("job_id: must be a job id").endsWith("got \"not-a-uuid\"");
    }

    @Test
    void anInlineStoryboardBecomesADraftWithAFreshIdAndItsScenes() throws Exception {
        RunRequest run = requests.readRun("{\"storyboard\": " + STORYBOARD + ", \"video_name\": \"storm.mp4\"}");

        assertThat(run.inline()).isTrue();
        assertThat(run.jobId()).isNull();
        assertThat(run.targetJobId()).isEqualTo(run.job().id());
        assertThat(UUID.fromString(run.job().id()).toString()).isEqualTo(run.job().id());
        assertThat(run.job().videoName()).isEqualTo("storm.mp4");
        assertThat(run.job().videoUrl()).isNull();
        assertThat(JSON.readTree(run.job().storyboardJson())).isEqualTo(JSON.readTree(STORYBOARD));
        assertThat(run.job().scenes()).containsExactly(
                new Scene(0, null, "rain", 4, null, null, null, null),
                new Scene(1, null, null, 6, null, null, null, "thunder"));
    }

    @Test
    void twoInlineRunsGetDifferentIds() throws Exception {
        String body = "{\"storyboard\": " + STORYBOARD + "}";

        assertThat(requests.readRun(body).targetJobId()).isNotEqualTo(requests.readRun(body).targetJobId());
    }

    @Test
    void aJobIdAndAnInlineStoryboardTogetherAreRefused() {
        List<FieldError> errors = refusal("{\"job_id\": \"" + JOB_ID + "\", \"storyboard\": " + STORYBOARD + "}");

        assertThat(errors).containsExactly(
                new FieldError("storyboard", "give either job_id or an inline storyboard, not both"));
    }

    @Test
    void neitherAJobIdNorAStoryboardIsRefused() {
        assertThat(refusal("{\"audio_params\": {\"seed\": 1}}")).containsExactly(
                new FieldError("job_id", "a job_id or an inline storyboard is required"));
        assertThat(refusal("{\"job_id\": null, \"storyboard\": null}")).extracting(FieldError::field)
                .containsExactly("job_id");
    }

    @Test
    void storyboardAndParamErrorsAreReportedTogether() {
        List<FieldError> errors = refusal("{\"storyboard\": {\"scenes\": [{\"description\": \"d\"}]}, "
                + "\"audio_params\": {\"output_format\": \"ogg\"}}");

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("storyboard.scenes[0].duration", "audio_params.output_format");
    }

    @Test
    void aFadeTooLongForTheInlineStoryboardIsRefused() {
        List<FieldError> errors = refusal("{\"storyboard\": " + STORYBOARD + ", \"audio_params\": {\"fade_duration\": 2.5}}");

        assertThat(errors).extracting(FieldError::field).containsExactly("audio_params.fade_duration");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"job_id\": ", "{job_id: 1}", "{\"job_id\": \"" + JOB_ID + "\"} trailing", "nonsense"})
    void malformedJsonThrowsJacksonsParseException(String body) {
        assertThatThrownBy(() -> requests.readRun(body)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aBlankOrNonObjectBodyIsRefusedAsTheBody() {
        assertThat(refusal("")).containsExactly(new FieldError("body", "a JSON object is required"));
        assertThat(refusal("  ")).containsExactly(new FieldError("body", "a JSON object is required"));
        assertThat(refusal("[1]")).containsExactly(new FieldError("body", "must be a JSON object"));
    }

    @Test
    void paramsJsonReadsBackToTheSameParams() throws Exception {
        RunRequest run = requests.readRun("""
                {"job_id": "%s", "audio_params": {"prompt": "cello", "fade_duration": 0.75, "transition": "crossfade",
                 "sync_mode": "compress", "merge_with_video": true, "error_strategy": "halt",
                 "model_version": "large", "output_format": "wav", "seed": 1234567890123}}""".formatted(JOB_ID));

        AudioParams readBack = JSON.readValue(run.paramsJson(), AudioParams.class);

        assertThat(readBack).isEqualTo(run.params());
        assertThat(readBack).isEqualTo(new AudioParams("cello", 0.75, "crossfade", "compress", true, "halt", "large",
                "wav", 1234567890123L, io.scenescore.job.Loudness.STREAMING));
    }

    @Test
    void defaultParamsJsonKeepsItsNullsAndReadsBackToTheDefaults() throws Exception {
        RunRequest run = requests.readRun("{\"job_id\": \"" + JOB_ID + "\"}");

        assertThat(JSON.readTree(run.paramsJson()).has("seed")).isTrue();
        assertThat(JSON.readTree(run.paramsJson()).get("seed").isNull()).isTrue();
        assertThat(JSON.readValue(run.paramsJson(), AudioParams.class)).isEqualTo(AudioParams.defaults());
    }
}
