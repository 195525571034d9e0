package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.MultipartBody;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/** Every bad input gets a 4xx problem+json naming what is wrong, never a 5xx, and stores nothing. */
class BadInputIT {

    /** What an answer a user reads must never hold: Java and Camel internals, unresolved expressions, stack traces. */
    static final List<String> INTERNALS = List.of("Exception", "org.apache", "java.", "io.scenescore", "${", "Exchange[", "\tat ",
            "com.fasterxml", "Failed to invoke method", "Multicast processing failed");
    static final String UNKNOWN = "0b0e9a4c-3f1d-4a8e-9c51-7d2f6b8e1a00";
    static final String RUN_JSON = "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}]}}";

    static Path inbox;

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(() -> {
        Path root = Files.createTempDirectory("scenescore-bad-input");
        inbox = root.resolve("inbox");
        return Map.of(
                "scenescore.inbox", inbox.toString(),
                "scenescore.outbox", root.resolve("outbox").toString(),
                "scenescore.filedrop.poll-ms", "200",
                "scenescore.filedrop.read-lock-check-ms", "200",
                "scenescore.filedrop.outbox-period-ms", "200");
    });
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

    /** Bodies that are not JSON, or JSON of the wrong shape or types, for both JSON calls and the file drop. */
    static Map<String, String> badBodies() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("cut short", "{\"storyboard\": {\"scenes\": [");
        b.put("only an opening brace", "{");
        b.put("a bare word", "storyboard");
        b.put("a misspelt null", "nul");
        b.put("trailing content", "{\"job_id\": \"" + UNKNOWN + "\"} {\"x\": 1}");
        b.put("single quotes", "{'storyboard': {}}");
        b.put("a comment", "{/* c */ \"storyboard\": {}}");
        b.put("a NUL character", "{\"storyboard\u0000\": 1}");
        b.put("nesting too deep", "[".repeat(2000) + "]".repeat(2000));
        b.put("a number too long", "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": " + "9".repeat(2000) + "}]}}");
        b.put("a number too large", scenes("{\"description\": \"a\", \"duration\": 1e999999}"));
        b.put("a string", "\"storyboard\"");
        b.put("a number", "42");
        b.put("null", "null");
        b.put("duration as text", scenes("{\"description\": \"a\", \"duration\": \"five\"}"));
        b.put("duration as true", scenes("{\"description\": \"a\", \"duration\": true}"));
        b.put("duration as a list", scenes("{\"description\": \"a\", \"duration\": [1]}"));
        b.put("duration as an object", scenes("{\"description\": \"a\", \"duration\": {\"s\": 1}}"));
        b.put("duration NaN", scenes("{\"description\": \"a\", \"duration\": NaN}"));
        b.put("description as a number", scenes("{\"description\": 5, \"duration\": 2}"));
        b.put("title as a list", scenes("{\"title\": [], \"description\": \"a\", \"duration\": 2}"));
        b.put("scenes as text", "{\"storyboard\": {\"scenes\": \"many\"}}");
        b.put("scenes as an object", "{\"storyboard\": {\"scenes\": {\"a\": 1}}}");
        b.put("a scene as text", "{\"storyboard\": {\"scenes\": [\"a\"]}}");
        b.put("a scene as null", "{\"storyboard\": {\"scenes\": [null]}}");
        b.put("storyboard as a number", "{\"storyboard\": 5}");
        b.put("storyboard auto without a video", "{\"storyboard\": \"auto\"}");
        b.put("job_id as a number", "{\"job_id\": 5}");
        b.put("job_id as an object", "{\"job_id\": {\"id\": 1}}");
        b.put("job_id and storyboard", "{\"job_id\": \"" + UNKNOWN + "\", \"storyboard\": {\"scenes\": []}}");
        b.put("video_url not a URL", "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}]}, \"video_url\": \"::\"}");
        b.put("video_url a file", "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}]}, \"video_url\": \"file:///etc/passwd\"}");
        b.put("video_url private", "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}]}, \"video_url\": \"http://10.0.0.1/a.mp4\"}");
        b.put("video_url as a number", "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}]}, \"video_url\": 7}");
        b.put("video_name as a list", "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}]}, \"video_name\": []}");
        b.put("201 scenes", "{\"storyboard\": {\"scenes\": [" + String.join(",", java.util.Collections.nCopies(201,
                "{\"description\": \"a\", \"duration\": 1}")) + "]}}");
        return b;
    }

    /** Bad audio_params: a run's (generate-scenes and the file drop); POST /jobs stores a job without them. */
    static Map<String, String> badRunBodies() {
        Map<String, String> b = new LinkedHashMap<>(badBodies());
        b.put("audio_params as text", withParams("\"loud\""));
        b.put("audio_params as a list", withParams("[1]"));
        b.put("fade as text", withParams("{\"fade_duration\": \"long\"}"));
        b.put("seed as text", withParams("{\"seed\": \"abc\"}"));
        b.put("seed as a fraction", withParams("{\"seed\": 1.5}"));
        b.put("seed too large", withParams("{\"seed\": 99999999999999999999999}"));
        b.put("merge as text", withParams("{\"merge_with_video\": \"yes\"}"));
        b.put("merge without a video", withParams("{\"merge_with_video\": true}"));
        b.put("loudness as an empty object", withParams("{\"loudness\": {}}"));
        b.put("loudness out of range", withParams("{\"loudness\": {\"integrated\": 40, \"true_peak\": \"x\"}}"));
        b.put("transition as a number", withParams("{\"transition\": 3}"));
        b.put("error_strategy unknown", withParams("{\"error_strategy\": \"panic\"}"));
        b.put("mix unknown", withParams("{\"mix\": \"loud\"}"));
        b.put("continuity unknown", withParams("{\"continuity\": 1}"));
        b.put("model_version as an object", withParams("{\"model_version\": {}}"));
        return b;
    }

    /** Every answer to bad input, from every way in, in words: the request, and what was answered. */
    static List<Arguments> badRequests() throws Exception {
        List<Arguments> all = new ArrayList<>();
        for (String path : new String[] {"/api/v3/jobs", "/api/v3/audio/generate-scenes"}) {
            Map<String, String> bodies = path.endsWith("/jobs") ? badBodies() : badRunBodies();
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                all.add(Arguments.of("POST " + path + ": " + body.getKey(), (Supplier<HttpRequest.Builder>) () -> service.request(path)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.getValue()))));
            }
        }
        Map<String, Supplier<HttpRequest.Builder>> r = new LinkedHashMap<>();
        r.put("invalid UTF-8", () -> service.request("/api/v3/audio/generate-scenes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'})));
        r.put("UTF-16 JSON declared UTF-8", () -> service.request("/api/v3/audio/generate-scenes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RUN_JSON.getBytes(StandardCharsets.UTF_16))));
        r.put("a body over 1 MiB", () -> service.request("/api/v3/audio/generate-scenes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\": \"" + "y".repeat(1_100_000) + "\"}")));
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "text/json", "application/xml", "image/png",
                "application/json-patch", "*/*", "application/", ";charset=utf-8", "\u00e9/\u00e9"}) {
            r.put("declared " + type, () -> service.request("/api/v3/audio/generate-scenes").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(RUN_JSON)));
        }
        r.put("no Content-Type", () -> service.request("/api/v3/jobs").POST(HttpRequest.BodyPublishers.ofString(RUN_JSON)));
        r.put("a form of the wrong kind", () -> service.request("/api/v3/jobs").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("job=" + RUN_JSON)));
        r.put("multipart without a boundary", () -> service.request("/api/v3/jobs").header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString(RUN_JSON)));
        r.put("multipart that is not multipart", () -> service.request("/api/v3/jobs").header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofString("garbage, no parts")));
        r.put("multipart to generate-scenes", () -> {
            MultipartBody form = new MultipartBody().field("job", RUN_JSON);
            return service.request("/api/v3/audio/generate-scenes").header("Content-Type", form.contentType()).POST(form.publisher());
        });
        r.put("a form without a job part", () -> {
            MultipartBody form = new MultipartBody().field("other", "x");
            return service.request("/api/v3/jobs").header("Content-Type", form.contentType()).POST(form.publisher());
        });
        r.put("a form whose job part is not JSON", () -> {
            MultipartBody form = new MultipartBody().field("job", "{\"storyboard\": [");
            return service.request("/api/v3/jobs").header("Content-Type", form.contentType()).POST(form.publisher());
        });
        r.put("a form whose job has a duration as text", () -> {
            MultipartBody form = new MultipartBody().field("job", scenes("{\"description\": \"a\", \"duration\": \"5\"}"));
            return service.request("/api/v3/jobs").header("Content-Type", form.contentType()).POST(form.publisher());
        });
        r.put("a form with a video that is not a video", () -> {
            try {
                Path notes = Files.createTempFile("notes", ".mp4");
                Files.writeString(notes, "not a film");
                MultipartBody form = new MultipartBody().field("job", RUN_JSON).file("video", "notes.mp4", "video/mp4", notes);
                return service.request("/api/v3/jobs").header("Content-Type", form.contentType()).POST(form.publisher());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        r.put("a long Idempotency-Key", () -> service.request("/api/v3/audio/generate-scenes").header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(300)).POST(HttpRequest.BodyPublishers.ofString(RUN_JSON)));
        r.put("generate-scenes for an unknown job", () -> service.request("/api/v3/audio/generate-scenes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"job_id\": \"" + UNKNOWN + "\"}")));
        r.put("cancel of an unknown job", () -> service.request("/api/v3/audio/" + UNKNOWN + "/cancel").POST(HttpRequest.BodyPublishers.noBody()));
        r.put("cancel of a job id that is not a UUID", () -> service.request("/api/v3/audio/x'y/cancel").POST(HttpRequest.BodyPublishers.noBody()));
        r.put("status of a long id", () -> service.request("/api/v3/audio/status/" + "a".repeat(3000)).GET());
        r.put("status of an id with escapes", () -> service.request("/api/v3/audio/status/%7Bbody%7D%0A").GET());
        r.put("download of an unknown job", () -> service.request("/api/v3/audio/" + UNKNOWN + "/download").GET());
        r.put("download with a version as text", () -> service.request("/api/v3/audio/" + UNKNOWN + "/download?version=latest").GET());
        r.put("download with a negative version", () -> service.request("/api/v3/audio/" + UNKNOWN + "/download?version=-1").GET());
        r.put("download with a huge version", () -> service.request("/api/v3/audio/" + UNKNOWN + "/download?version=99999999999999999999").GET());
        r.put("download with a bad range", () -> service.request("/api/v3/audio/" + UNKNOWN + "/download").header("Range", "bytes=z-").GET());
        r.put("video of an unknown job", () -> service.request("/api/v3/jobs/" + UNKNOWN + "/video").header("Range", "bytes=9-1").GET());
        r.put("HEAD of a job id that is not a UUID", () -> service.request("/api/v3/jobs/nope/video").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        r.put("a path that does not exist", () -> service.request("/api/v3/nothing-here").GET());
        r.put("a verb the path does not take", () -> service.request("/api/v3/jobs").PUT(HttpRequest.BodyPublishers.ofString(RUN_JSON)));
        r.forEach((why, request) -> all.add(Arguments.of(why, request)));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void everyAnswerToBadInputNamesTheFaultInWordsWithoutInternals(String why, Supplier<HttpRequest.Builder> request) throws Exception {
        HttpResponse<String> answer = service.send(request.get());

        assertThat(answer.statusCode()).as(why + ": " + answer.body()).isBetween(400, 499);
        assertThat(answer.body()).as(why).doesNotContain(INTERNALS);
        assertThat(answer.headers().map().toString()).as(why).doesNotContain(INTERNALS);
        if (!answer.body().isEmpty()) {
            assertThat(answer.headers().firstValue("Content-Type")).as(why + ": " + answer.body()).contains("application/problem+json");
            JsonNode problem = RunningService.json(answer.body());
            assertThat(problem.path("status").asInt()).as(why).isEqualTo(answer.statusCode());
            assertThat(problem.path("detail").asText()).as(why).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notJson")
    void aBodyNotDeclaredJsonIsA415NamingApplicationJson(String type) throws Exception {
        long jobsBefore = count("jobs");
        for (String path : new String[] {"/api/v3/jobs", "/api/v3/audio/generate-scenes"}) {
            HttpRequest.Builder request = service.request(path).POST(HttpRequest.BodyPublishers.ofString(RUN_JSON));
            HttpResponse<String> answer = service.send(type == null ? request : request.header("Content-Type", type));

            assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(RunningService.json(answer.body()).path("detail").asText()).contains("application/json");
        }
        assertThat(count("jobs")).isEqualTo(jobsBefore);
    }

    static Stream<Arguments> notJson() {
        return Stream.of(Arguments.of((String) null), Arguments.of("text/plain"), Arguments.of("text/plain; charset=utf-8"),
                Arguments.of("application/x-www-form-urlencoded"), Arguments.of("text/json"), Arguments.of("application/javascript"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonTypes")
    void jsonWithACharsetOrAPlusJsonTypeIsTaken(String type) throws Exception {
        HttpResponse<String> job = service.send(service.request("/api/v3/jobs").header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(RUN_JSON)));
        HttpResponse<String> run = service.send(service.request("/api/v3/audio/generate-scenes").header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString("{\"job_id\": \"" + RunningService.json(job.body()).path("job_id").asText() + "\"}")));

        assertThat(job.statusCode()).as(job.body()).isEqualTo(201);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
    }

    static Stream<Arguments> jsonTypes() {
        return Stream.of(Arguments.of("application/json; charset=utf-8"), Arguments.of("Application/JSON;charset=UTF-8"),
                Arguments.of("application/merge-patch+json"), Arguments.of("application/vnd.x+json"));
    }

    @Test
    void aDroppedFileThatIsRefusedIsExplainedInWordsWithoutInternals() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> body : badRunBodies().entrySet()) {
            files.put("bad" + n++, body.getValue());
        }
        files.put("job-id-only", "{\"job_id\": \"" + UNKNOWN + "\"}");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(inbox.resolve(file.getKey() + ".json"), file.getValue());
        }
        Files.write(inbox.resolve("latin1.json"), "{\"storyboard\": {\"scenes\": [{\"description\": \"caf\u00e9\", \"duration\": \"x\"}]}}"
                .getBytes(StandardCharsets.ISO_8859_1));
        files.put("latin1", "");

        Map<String, String> reasons = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String name : files.keySet()) {
                Path reason = inbox.resolve(".error/" + name + ".error.json");
                if (!reasons.containsKey(name) && Files.exists(reason) && Files.size(reason) > 0) {
                    reasons.put(name, Files.readString(reason));
                }
            }
            // a refused name is named among the files still waiting
            assertThat(files.keySet()).as("refused with a reason").allMatch(reasons::containsKey);
        });
        reasons.forEach((name, reason) -> {
            assertThat(reason).as(name + ": " + files.get(name)).doesNotContain(INTERNALS);
            try {
                JsonNode problem = RunningService.json(reason);
                assertThat(problem.path("status").asInt()).as(name + ": " + reason).isBetween(400, 499);
                assertThat(problem.path("detail").asText()).as(name).isNotBlank();
            } catch (java.io.IOException e) {
                throw new AssertionError(name + ": " + reason, e);
            }
        });
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
