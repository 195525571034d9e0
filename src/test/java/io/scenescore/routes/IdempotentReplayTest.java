package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.scenescore.api.ApiKeyGuard;
import io.scenescore.api.IdempotentAnswers;
import io.scenescore.api.JobForms;
import io.scenescore.job.JobRequests;
import io.scenescore.api.JsonAnswers;
import io.scenescore.api.JsonBodyGuard;
import io.scenescore.api.ProblemDocuments;
import io.scenescore.status.StatusDocuments;
import io.scenescore.video.VideoChecks;

/**
 * POST /audio/generate-scenes with an Idempotency-Key, at the level of its route (api-generate-scenes): Camel
 * runs the API's route files without the HTTP server or PostgreSQL, every sql endpoint replaced by a mock.
 */
class IdempotentReplayTest extends CamelMainTestSupport {

    static final String BODY = "{\"job_id\": \"6f1c2a51-4a8e-4d7e-9a53-0b3c5d7e9f11\"}";
    static final String JOB_ID = "6f1c2a51-4a8e-4d7e-9a53-0b3c5d7e9f11";
    static final String FIRST_ANSWER = "{\"job_id\":\"" + JOB_ID + "\",\"status\":\"queued\"}";

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:io/scenescore/routes/idempotent-replay.properties";
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        // camel-sql wants a DataSource to build its endpoints; this one points nowhere, so a statement that
        // escaped the mocks would fail loudly
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
        registry.bind("dataSource", nowhere);
        registry.bind("apiKeyGuard", new ApiKeyGuard(null));
        registry.bind("idempotentAnswers", new IdempotentAnswers());
        registry.bind("jobRequests", new JobRequests());
        registry.bind("jsonAnswers", new JsonAnswers());
        registry.bind("problemDocuments", new ProblemDocuments());
        registry.bind("jobForms", new JobForms(1024 * 1024));
        registry.bind("jsonBodyGuard", new JsonBodyGuard());
        registry.bind("videoChecks", new VideoChecks());
        registry.bind("statusDocuments", new StatusDocuments());
        registry.bind("conditionalDownload", new io.scenescore.api.ConditionalDownload());
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @BeforeEach
    void apiRoutesWithMockedSql() throws Exception {
        // the REST table's own routes need the HTTP server: the test calls the verbs' direct: routes instead
        ModelCamelContext model = context.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class)
                instanceof ModelCamelContext m ? m : context;
        List<RouteDefinition> table = model.getRouteDefinitions().stream()
                .filter(r -> r.getInput().getEndpointUri().startsWith("rest:")).toList();
        model.removeRouteDefinitions(table);
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
