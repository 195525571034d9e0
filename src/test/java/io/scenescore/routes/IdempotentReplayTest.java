package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.scenescore.api.IdempotentAnswers;

/**
 * POST /audio/generate-scenes with an Idempotency-Key, at the level of its route (api-generate-scenes): Camel
 * runs the API's route files without the HTTP server or PostgreSQL, every sql endpoint replaced by a mock.
 */
class IdempotentReplayTest extends ApiRoutesTestSupport {

    static final String BODY = "{\"job_id\": \"6f1c2a51-4a8e-4d7e-9a53-0b3c5d7e9f11\"}";
    static final String JOB_ID = "6f1c2a51-4a8e-4d7e-9a53-0b3c5d7e9f11";
    static final String FIRST_ANSWER = "{\"job_id\":\"" + JOB_ID + "\",\"status\":\"queued\"}";

    @Override
    String apiKey() {
        return null;
    }

    @BeforeEach
    void apiRoutesWithMockedSql() throws Exception {
        withoutRestTable();
        AdviceWith.adviceWith(context, "api-generate-scenes", route -> {
            route.mockEndpointsAndSkip("sql:*");
            route.weaveById("find-idempotent-answer").replace().toV("mock:stored-answer", null, "answer");
        });
        context.start();
    }

    @Test
    void aRepeatedRequestGetsTheStoredAnswerAgainAndQueuesNothing() throws Exception {
        answerStored(new IdempotentAnswers().sha256(BODY));

        Exchange answer = post(BODY);

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody(String.class)).isEqualTo(FIRST_ANSWER);
        assertThat(answer.getMessage().getHeader("Idempotent-Replayed", String.class)).isEqualTo("true");
        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(202);
        assertThat(answer.getMessage().getHeader("Location", String.class)).isEqualTo("/api/v3/audio/status/" + JOB_ID);
        assertNothingReachedTheDatabaseButTheLookUp();
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() throws Exception {
        answerStored(new IdempotentAnswers().sha256("{\"job_id\": \"another\"}"));

        Exchange answer = post(BODY);

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(422);
        assertThat(answer.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)).isEqualTo("application/problem+json");
        assertThat(answer.getMessage().getBody(String.class)).contains("Idempotency-Key");
        assertThat(answer.getMessage().getHeader("Idempotent-Replayed")).isNull();
        assertNothingReachedTheDatabaseButTheLookUp();
    }

    private void answerStored(String requestSha256) {
        MockEndpoint stored = getMockEndpoint("mock:stored-answer");
        stored.expectedMessageCount(1);
        stored.whenAnyExchangeReceived(e -> e.getMessage().setBody(Map.of(
                "request_sha256", requestSha256, "job_id", JOB_ID, "status", 202, "body", FIRST_ANSWER)));
    }

    private Exchange post(String body) {
        return template.request("direct:api-generate-scenes", e -> {
            e.getMessage().setHeader("Idempotency-Key", "key-1");
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            e.getMessage().setBody(body);
        });
    }

    /** The stored answer was looked up once; no other statement (find the job, queue the run, store an answer) ran. */
    private void assertNothingReachedTheDatabaseButTheLookUp() throws InterruptedException {
        getMockEndpoint("mock:stored-answer").assertIsSatisfied();
        List<MockEndpoint> sql = context.getEndpoints().stream()
                .filter(e -> e instanceof MockEndpoint && e.getEndpointUri().startsWith("mock://sql:"))
                .map(MockEndpoint.class::cast).toList();
        assertThat(sql).as("the route's other sql endpoints, mocked").isNotEmpty();
        assertThat(sql).allSatisfy(m -> assertThat(m.getReceivedCounter()).as(m.getEndpointUri()).isZero());
    }
}
