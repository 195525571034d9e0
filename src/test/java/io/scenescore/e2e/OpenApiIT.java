package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The OpenAPI document served at /api/v3/openapi.json reads without errors and describes the whole REST table. */
class OpenApiIT {

    static final String KEY = "openapi-test-key";
    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.api-key", KEY));
    static TestDatabase db;
    static RunningService service;
    static String document;

    @BeforeAll
    static void fetchDocument() throws Exception {
        // public: fetched without the API key
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri("/api/v3/openapi.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        document = answer.body();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), document);
    }

    private static OpenAPI parsed() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document);
        assertThat(result.getMessages()).as(document).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }

    @Test
    void theDocumentIsAnOpenApi3DocumentWithoutParseMessages() {
        OpenAPI api = parsed();

        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getInfo().getTitle()).isEqualTo("SceneScore API");
    }

    @Test
    void everyPathAndMethodOfTheTableIsListed() {
        Map<String, PathItem> paths = parsed().getPaths();

        assertThat(paths).containsKeys("/api/v3/jobs", "/api/v3/audio/generate-scenes", "/api/v3/audio/status/{job_id}",
                "/api/v3/audio/{job_id}/download", "/api/v3/audio/{job_id}/cancel", "/api/v3/jobs/{job_id}/video",
                "/api/v3/audio/{job_id}/timeline.png");
        assertThat(paths.get("/api/v3/audio/{job_id}/timeline.png").getGet().getResponses())
                .containsKeys("200", "304", "400", "404", "409");
        assertThat(paths.get("/api/v3/jobs").getPost()).isNotNull();
        assertThat(paths.get("/api/v3/audio/generate-scenes").getPost()).isNotNull();
        assertThat(paths.get("/api/v3/audio/{job_id}/cancel").getPost()).isNotNull();
        assertThat(paths.get("/api/v3/audio/status/{job_id}").getGet()).isNotNull();
        for (String download : List.of("/api/v3/audio/{job_id}/download", "/api/v3/jobs/{job_id}/video")) {
            assertThat(paths.get(download).getGet()).as(download).isNotNull();
            assertThat(paths.get(download).getHead()).as(download).isNotNull();
        }
    }

    @Test
    void postsDescribeTheirRequestBodies() {
        Map<String, PathItem> paths = parsed().getPaths();

        for (String post : List.of("/api/v3/jobs", "/api/v3/audio/generate-scenes")) {
            Operation operation = paths.get(post).getPost();
            assertThat(operation.getRequestBody()).as(post).isNotNull();
            assertThat(operation.getRequestBody().getContent()).as(post).isNotEmpty();
            assertThat(operation.getRequestBody().getContent().values().iterator().next().getSchema()).as(post).isNotNull();
        }
    }

    @Test
    void everyOperationDescribesItsErrorsWithTheProblemSchema() {
        OpenAPI api = parsed();

        // camel-openapi-java 4.18 lists a response under the verb's produces types (it ignores responseMessage
        // contentType), so the problem+json answers are known here by their schema
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(operation.getResponses().keySet()).as(method + " " + path).contains("401").anyMatch(code -> code.startsWith("2"));
            operation.getResponses().forEach((code, response) -> {
                if (code.startsWith("4")) {
                    assertThat(response.getContent()).as(method + " " + path + " " + code).isNotEmpty();
                    assertThat(response.getContent().values()).as(method + " " + path + " " + code)
                            .allSatisfy(media -> assertThat(media.getSchema().get$ref()).endsWith("/Problem"));
                }
            });
        }));
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "StatusDocument", "RunRequest", "JobRequest");
        assertThat(api.getComponents().getSchemas().get("Problem").getDescription()).contains("application/problem+json");
    }

    @Test
    void runRequestsDescribeTheirWebhookAndTheStatusDocumentItsDeliveries() {
        var schemas = parsed().getComponents().getSchemas();

        assertThat(schemas.get("RunRequest").getProperties()).containsKeys("webhook_url", "webhook_events");
        assertThat(schemas.get("StatusDocument").getProperties()).containsKey("webhooks");
        assertThat(schemas.get("WebhookDelivery").getProperties())
                .containsKeys("id", "event", "scene_index", "state", "attempts", "last_status", "last_error", "delivered_at", "next_attempt_at");
    }

    @Test
    void theDocumentIsPublicButTheApiStillNeedsTheKey() throws Exception {
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                service.uri("/api/v3/audio/status/0b0e9a4c-3f1d-4a8e-9c51-7d2f6b8e1a00")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(status.statusCode()).isEqualTo(401);
    }
}
