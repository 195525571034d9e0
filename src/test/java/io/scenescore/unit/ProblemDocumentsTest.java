package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.api.ConditionalDownload;
import io.scenescore.api.ProblemDocuments.Problem;
import io.scenescore.api.ProblemDocuments;
import io.scenescore.job.InvalidFields;
import io.scenescore.job.JobFileTooLarge;
import io.scenescore.job.JobRefused;
import io.scenescore.job.JobRequests;
import io.scenescore.job.NameAlreadyUsed;
import io.scenescore.job.NotAVideo;
import io.scenescore.job.NotReady;
import io.scenescore.job.NothingToCancel;
import io.scenescore.job.RunAlreadyActive;
import io.scenescore.job.TooLarge;
import io.scenescore.job.UnknownJob;
import io.scenescore.job.VideoNotFetched;

/** Whatever failed becomes a problem document with the right status, and never a stack trace. */
class ProblemDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemDocuments documents = new ProblemDocuments();

    @Test
    void aRefusalWrappedAsCamelBeanCallsWrapItKeepsItsStatusAndErrors() throws Exception {
        InvalidFields invalid = new InvalidFields("storyboard.scenes[1].duration", "must be greater than 0, got 0");

        Problem problem = documents.describe(new RuntimeCamelException(new IllegalStateException(invalid)));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.contentRange()).isNull();
        JsonNode doc = JSON.readTree(problem.json());
        assertThat(doc.path("type").asText()).isEqualTo("about:blank");
        assertThat(doc.path("title").asText()).isEqualTo("Invalid request");
        assertThat(doc.path("status").asInt()).isEqualTo(400);
        assertThat(doc.path("detail").asText()).isEqualTo("storyboard.scenes[1].duration: must be greater than 0, got 0");
        assertThat(doc.path("errors")).hasSize(1);
        assertThat(doc.path("errors").get(0).path("field").asText()).isEqualTo("storyboard.scenes[1].duration");
        assertThat(doc.path("errors").get(0).path("message").asText()).isEqualTo("must be greater than 0, got 0");
    }

    @Test
    void aWrappedSubclassKeepsItsOwnStatusAndTitleWithoutAnErrorsList() throws Exception {
        Problem problem = documents.describe(new RuntimeCamelException(new UnknownJob("3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c")));

        assertThat(problem.status()).isEqualTo(404);
        JsonNode doc = JSON.readTree(problem.json());
        assertThat(doc.path("title").asText()).isEqualTo("Unknown job");
        assertThat(doc.path("detail").asText()).isEqualTo("no job with id 3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c");
        assertThat(doc.has("errors")).isFalse();
    }

    static Stream<Arguments> refusals() {
        String id = "3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c";
        return Stream.of(
                Arguments.of(new InvalidFields("job_id", "must be a job id"), 400, "Invalid request"),
                Arguments.of(new UnknownJob(id), 404, "Unknown job"),
                Arguments.of(new RunAlreadyActive(id), 409, "Run already active"),
                Arguments.of(new NothingToCancel(id), 409, "Nothing to cancel"),
                Arguments.of(new NotReady("the soundtrack is not there yet"), 409, "Not ready"),
                Arguments.of(new NameAlreadyUsed("a job was already dropped as a.json"), 409, "Name already used"),
                Arguments.of(new TooLarge("video", "a video may be at most 1 GiB"), 413, "Payload too large"),
                Arguments.of(new JobFileTooLarge("the job file is 2000000 bytes"), 413, "Content too large"),
                Arguments.of(new NotAVideo("video", "notes.txt", "it has no video stream"), 422, "Not a video"),
                Arguments.of(new VideoNotFetched("video_url: x could not be fetched: timed out", List.of()), 422, "Video not fetched"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void eachRefusalOfTheJobHasItsStatusAndTitle(JobRefused refusal, int status, String title) throws Exception {
        Problem problem = documents.describe(new RuntimeCamelException(refusal));

        assertThat(problem.status()).isEqualTo(status);
        JsonNode doc = JSON.readTree(problem.json());
        assertThat(doc.path("title").asText()).isEqualTo(title);
        assertThat(doc.path("status").asInt()).isEqualTo(status);
        assertThat(doc.path("detail").asText()).isEqualTo(refusal.getMessage());
    }

    @Test
    void anUnsatisfiableRangeCarriesTheContentRangeToAnswerWith() {
        ConditionalDownload.RangeNotSatisfiable refusal = catchThrowableOfType(
                ConditionalDownload.RangeNotSatisfiable.class, () -> new ConditionalDownload().part("bytes=50-", 10));

        Problem problem = documents.describe(new RuntimeCamelException(refusal));

        assertThat(problem.status()).isEqualTo(416);
        assertThat(problem.contentRange()).isEqualTo("bytes */10");
    }

    @Test
    void aJacksonParseErrorIsA400MalformedJsonNamingLineAndColumn() throws Exception {
        JsonProcessingException parseError = catchThrowableOfType(JsonProcessingException.class,
                () -> new JobRequests().readRun("{\n  \"job_id\": }"));

        Problem problem = documents.describe(new RuntimeCamelException(parseError));

        assertThat(problem.status()).isEqualTo(400);
        JsonNode doc = JSON.readTree(problem.json());
        assertThat(doc.path("title").asText()).isEqualTo("Malformed JSON");
        assertThat(doc.path("status").asInt()).isEqualTo(400);
        assertThat(doc.path("detail").asText())
                .startsWith("the body is not valid JSON at line 2, column 13: ")
                .contains("Unexpected character ('}'");
    }

    @Test
    void trailingContentIsMalformedJsonWithoutJavaNames() throws Exception {
        JsonProcessingException parseError = catchThrowableOfType(JsonProcessingException.class,
                () -> new JobRequests().readRun("{\"job_id\": \"x\"} {\"b\": 2}"));

        Problem problem = documents.describe(parseError);

        String detail = JSON.readTree(problem.json()).path("detail").asText();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(detail).startsWith("the body is not valid JSON").contains("Trailing token")
                .doesNotContain("com.fasterxml").doesNotContain("Feature").doesNotContain("`");
    }

    @Test
    void anythingElseIsA500WithoutStackTraceOrClassNames() throws Exception {
        IllegalStateException failure = new IllegalStateException("pool exhausted for jdbc:postgresql://db/scenescore",
                new NullPointerException("secret-internal-detail"));

        Problem problem = documents.describe(new RuntimeCamelException(failure));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.contentRange()).isNull();
        JsonNode doc = JSON.readTree(problem.json());
        assertThat(doc.path("title").asText()).isEqualTo("Internal error");
        assertThat(doc.path("status").asInt()).isEqualTo(500);
        assertThat(doc.path("detail").asText()).isEqualTo("internal error: the server failed to answer this request; the details are in its log");
        assertThat(doc.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("type", "title", "status", "detail");
        assertThat(problem.json())
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("io.scenescore")
                .doesNotContain("\tat ")
                .doesNotContain("postgresql")
                .doesNotContain("secret-internal-detail");
    }

    static Stream<Arguments> jacksonTalk() {
        return Stream.of(
                Arguments.of("{/* c */ \"a\": 1}", "the body is not valid JSON at line 1, column 2: Unexpected character ('/' (code 47)): maybe a (non-standard) comment?"),
                Arguments.of("{\"a\": NaN}", "the body is not valid JSON at line 1, column 10: Non-standard token 'NaN'"),
                Arguments.of("[".repeat(1500) + "]".repeat(1500), "the body is not valid JSON: Document nesting depth (1001) exceeds the maximum allowed 1000"),
                Arguments.of("{\"a\": " + "9".repeat(1500) + "}", "the body is not valid JSON: Number value length (1500) exceeds the maximum allowed 1000"),
                Arguments.of("{\"a\": 1} {", "the body is not valid JSON at line 1, column 10: Trailing token (of type START_OBJECT) found after value"));
    }

    @ParameterizedTest
    @MethodSource("jacksonTalk")
    void jacksonsMessagesKeepTheirWordsAndLoseTheirJavaNames(String body, String detail) throws Exception {
        JsonProcessingException parseError = catchThrowableOfType(JsonProcessingException.class, () -> new JobRequests().readRun(body));

        Problem problem = documents.describe(new RuntimeCamelException(parseError));

        assertThat(JSON.readTree(problem.json()).path("detail").asText()).isEqualTo(detail);
        assertThat(problem.json()).doesNotContain("`").doesNotContain("Feature").doesNotContain("Constraints").doesNotContain("com.fasterxml");
    }
}
