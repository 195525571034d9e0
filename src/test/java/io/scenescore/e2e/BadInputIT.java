package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/** Every bad input gets a 4xx problem+json naming what is wrong, never a 5xx, and stores nothing. */
class BadInputIT {

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of());
    static TestDatabase db;
    static RunningService service;

    static Stream<Arguments> badRunRequests() {
        return Stream.of(
                Arguments.of("no storyboard", "{}", "job_id"),
                Arguments.of("no storyboard, only params", "{\"audio_params\": {\"fade_duration\": 1}}", "job_id"),
                Arguments.of("storyboard without scenes", "{\"storyboard\": {}}", "storyboard.scenes"),
                Arguments.of("empty scene list", "{\"storyboard\": {\"scenes\": []}}", "storyboard.scenes"),
                Arguments.of("scene without duration", "{\"storyboard\": {\"scenes\": [{\"description\": \"a\"}]}}",
                        "storyboard.scenes[0].duration"),
                Arguments.of("zero duration", scenes("{\"description\": \"a\", \"duration\": 0}"), "storyboard.scenes[0].duration"),
                Arguments.of("negative duration", scenes("{\"description\": \"a\", \"duration\": 2}, {\"description\": \"b\", \"duration\": -3}"),
                        "storyboard.scenes[1].duration"),
                Arguments.of("duration over 300 s", scenes("{\"description\": \"a\", \"duration\": 301}"), "storyboard.scenes[0].duration"),
                Arguments.of("duration as text", scenes("{\"description\": \"a\", \"duration\": \"5\"}"), "storyboard.scenes[0].duration"),
                Arguments.of("scene without description or prompt", scenes("{\"duration\": 4}"), "storyboard.scenes[0].description"),
                Arguments.of("fade longer than half the shortest scene",
                        "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}, {\"description\": \"b\", \"duration\": 8}]},"
                                + " \"audio_params\": {\"fade_duration\": 1.6}}", "audio_params.fade_duration"),
                Arguments.of("fade over 10 s", withParams("{\"fade_duration\": 11}"), "audio_params.fade_duration"),
                Arguments.of("unknown sync_mode", withParams("{\"sync_mode\": \"squash\"}"), "audio_params.sync_mode"),
                Arguments.of("unknown output_format", withParams("{\"output_format\": \"ogg\"}"), "audio_params.output_format"),
                Arguments.of("unknown audio param", withParams("{\"fade\": 1}"), "audio_params.fade"),
                Arguments.of("job id that is not a UUID", "{\"job_id\": \"42\"}", "job_id"),
                Arguments.of("text field over 2000 characters", scenes("{\"description\": \"" + "x".repeat(2001) + "\", \"duration\": 2}"),
                        "storyboard.scenes[0].description"),
                Arguments.of("body that is not an object", "[1, 2]", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRunRequests")
    void badRunRequestIsA400NamingTheField(String why, String body, String field) throws Exception {
        long jobsBefore = count("jobs");

        HttpResponse<String> answer = service.postJson("/api/v3/audio/generate-scenes", body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = RunningService.json(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        assertThat(problem.path("detail").asText()).contains(field);
        assertThat(count("jobs")).isEqualTo(jobsBefore);
    }

    @Test
    void malformedJsonIsA400SayingWhere() throws Exception {
        HttpResponse<String> answer = service.postJson("/api/v3/audio/generate-scenes", "{\"storyboard\": {\"scenes\": [");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(RunningService.json(answer.body()).path("detail").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void malformedJsonForANewJobIsA400() throws Exception {
        HttpResponse<String> answer = service.postJson("/api/v3/jobs", "{\"storyboard\": ");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void anEmptyBodyIsA400() throws Exception {
        HttpResponse<String> answer = service.postJson("/api/v3/jobs", "");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(RunningService.json(answer.body()).path("errors").findValuesAsText("field")).contains("body");
    }

    @Test
    void anUnknownJobIsA404() throws Exception {
        String unknown = "0b0e9a4c-3f1d-4a8e-9c51-7d2f6b8e1a00";

        HttpResponse<String> run = service.postJson("/api/v3/audio/generate-scenes", "{\"job_id\": \"" + unknown + "\"}");
        HttpResponse<String> status = service.get("/api/v3/audio/status/" + unknown);
        HttpResponse<String> download = service.get("/api/v3/audio/" + unknown + "/download");

        for (HttpResponse<String> answer : new HttpResponse[] {run, status, download}) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(RunningService.json(answer.body()).path("detail").asText()).contains(unknown);
        }
    }

    @Test
    void aJobIdThatIsNotAUuidIsA400InEveryPath() throws Exception {
        for (String path : new String[] {"/api/v3/audio/status/not-a-uuid", "/api/v3/audio/not-a-uuid/download"}) {
            HttpResponse<String> answer = service.get(path);

            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(RunningService.json(answer.body()).path("errors").findValuesAsText("field")).contains("job_id");
        }
    }

    @Test
    void aBadRunForAStoredJobLeavesItAsItWas() throws Exception {
        HttpResponse<String> created = service.postJson("/api/v3/jobs",
                "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}, {\"description\": \"b\", \"duration\": 2}]}}");
        String jobId = RunningService.json(created.body()).get("job_id").asText();

        HttpResponse<String> answer = service.postJson("/api/v3/audio/generate-scenes",
                "{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"fade_duration\": 1.5}}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(RunningService.json(answer.body()).path("errors").findValuesAsText("field")).contains("audio_params.fade_duration");
        assertThat(service.status(jobId).path("status").asText()).isEqualTo("created");
    }

    @Test
    void requestHeadersAreNotEchoedInAnswers() throws Exception {
        HttpResponse<String> answer = service.send(service.request("/api/v3/audio/status/not-a-uuid")
                .header("X-Secret-Thing", "do-not-echo").GET());

        assertThat(answer.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Secret-Thing"));
    }

    private long count(String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String scenes(String scenes) {
        return "{\"storyboard\": {\"scenes\": [" + scenes + "]}}";
    }

    private static String withParams(String params) {
        return "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 30}]}, \"audio_params\": " + params + "}";
    }

}
