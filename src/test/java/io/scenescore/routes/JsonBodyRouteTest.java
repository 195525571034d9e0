package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON verbs' routes (api-create-job, api-generate-scenes) take only a body declared JSON: anything else is a
 * 415 problem document naming application/json, after the key check and before the body is read.
 */
class JsonBodyRouteTest extends ApiRoutesTestSupport {

    static final String KEY = "route-test-key";
    static final String BAD_JOB = "{\"storyboard\": {\"scenes\": []}}";

    @Override
    String apiKey() {
        return KEY;
    }

    @BeforeEach
    void apiRoutesWithMockedSql() throws Exception {
        withoutRestTable();
        for (String route : new String[] {"api-create-job", "api-generate-scenes"}) {
            AdviceWith.adviceWith(context, route, r -> r.mockEndpointsAndSkip("sql:*"));
        }
        context.start();
    }

    @ParameterizedTest
    @CsvSource({"direct:api-create-job, multipart/form-data", "direct:api-generate-scenes, application/json"})
    void aBodyNotDeclaredJsonIsA415NamingApplicationJson(String verb, String alsoNamed) {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/xml", "text/json", "application/jsonx", "application/+json"}) {
            Exchange answer = post(verb, KEY, type, BAD_JOB);

            assertThat(status(answer)).as(type).isEqualTo(415);
            assertThat(answer.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)).isEqualTo("application/problem+json");
            assertThat(answer.getMessage().getBody(String.class)).as(type)
                    .contains("\"status\":415").contains("Content-Type: application/json").contains(alsoNamed);
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aBodyWithoutContentTypeIsA415(String type) {
        Exchange answer = post("direct:api-generate-scenes", KEY, type, BAD_JOB);

        assertThat(status(answer)).isEqualTo(415);
        assertThat(answer.getMessage().getBody(String.class)).contains("no Content-Type was sent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8", "application/json;charset=UTF-8",
            "application/merge-patch+json", "application/vnd.x+json", "application/problem+json; charset=utf-8"})
    void jsonAndPlusJsonTypesAreReadAndValidated(String type) {
        for (String verb : new String[] {"direct:api-create-job", "direct:api-generate-scenes"}) {
            Exchange answer = post(verb, KEY, type, BAD_JOB);

            assertThat(status(answer)).as(verb + " " + type).isEqualTo(400);
            assertThat(answer.getMessage().getBody(String.class)).contains("storyboard.scenes");
        }
    }

    @ParameterizedTest
    @CsvSource({"direct:api-create-job", "direct:api-generate-scenes"})
    void aMissingKeyIsA401BeforeTheMediaTypeIsChecked(String verb) {
        Exchange answer = post(verb, null, "text/plain", BAD_JOB);

        assertThat(status(answer)).isEqualTo(401);
    }

    private Exchange post(String verb, String key, String contentType, String body) {
        return template.request(verb, e -> {
            if (key != null) {
                e.getMessage().setHeader("X-API-Key", key);
            }
            if (contentType != null) {
                e.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
            }
            e.getMessage().setBody(body);
        });
    }

    private static int status(Exchange answer) {
        return answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }
}
