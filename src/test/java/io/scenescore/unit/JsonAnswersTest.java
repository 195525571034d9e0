package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.api.JsonAnswers;

/** The API's JSON answers, written by Jackson: the fields the contract names, escaped as JSON. */
class JsonAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = "3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c";
    private final JsonAnswers answers = new JsonAnswers();

    @Test
    void aCreatedJobNamesItsIdAndStatusUrl() throws Exception {
        JsonNode created = JSON.readTree(answers.created(JOB));

        assertThat(created.path("job_id").asText()).isEqualTo(JOB);
        assertThat(created.path("status").asText()).isEqualTo("created");
        assertThat(created.path("status_url").asText()).isEqualTo("/api/v3/audio/status/" + JOB);
        assertThat(created.size()).isEqualTo(3);
    }

    @Test
    void aQueuedRunNamesWhereToFollowAndDownloadIt() throws Exception {
        JsonNode queued = JSON.readTree(answers.queued(JOB));

        assertThat(queued.path("status").asText()).isEqualTo("queued");
        assertThat(queued.path("status_url").asText()).isEqualTo("/api/v3/audio/status/" + JOB);
        assertThat(queued.path("download_url").asText()).isEqualTo("/api/v3/audio/" + JOB + "/download");
    }

    @Test
    void aCancelSaysTheStatusItLeftTheJobIn() throws Exception {
        JsonNode canceled = JSON.readTree(answers.cancelRequested(JOB, "running"));

        assertThat(canceled.path("status").asText()).isEqualTo("running");
        assertThat(canceled.path("cancel_requested").asBoolean()).isTrue();
        assertThat(canceled.path("job_id").asText()).isEqualTo(JOB);
    }

    @Test
    void valuesAreEscapedNotPastedIntoTheText() throws Exception {
        String odd = "a\"b\\c";

        JsonNode created = JSON.readTree(answers.created(odd));

        assertThat(created.path("job_id").asText()).isEqualTo(odd);
    }
}
