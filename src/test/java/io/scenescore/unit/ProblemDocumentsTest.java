package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.api.ApiProblem;
import io.scenescore.api.ConditionalDownload;
import io.scenescore.api.JobRequests;
import io.scenescore.api.ProblemDocuments;
import io.scenescore.api.ProblemDocuments.Problem;
import io.scenescore.api.UnknownJob;

/** Whatever failed becomes a problem document with the right status, and never a stack trace. */
class ProblemDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemDocuments documents = new ProblemDocuments();

    @Test
    void anApiProblemWrappedAsCamelBeanCallsWrapItKeepsItsStatusAndErrors() throws Exception {
        ApiProblem invalid = ApiProblem.invalid("storyboard.scenes[1].duration", "must be greater than 0, got 0");

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
        assertThat(doc.path("detail").asText()).isEqualTo("the server failed to answer; the failure is logged");
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
}
