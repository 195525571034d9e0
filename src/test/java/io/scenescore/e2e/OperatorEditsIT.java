package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/**
 * The three edits README's operator section shows ("Hooks: ... three edits that work as written"), taken from the
 * README as they are written there, applied to a copy of routes/, and the service run on them: the finished run's
 * status lands in a folder, a failed run's status is POSTed to a chat webhook, and predictions are polled on the
 * edited schedule.
 */
class OperatorEditsIT {

    static final String TOKEN = "r8_operator_edits_token";
    static final List<String> chatPosts = new CopyOnWriteArrayList<>();
    static final List<String> chatContentTypes = new CopyOnWriteArrayList<>();
    static HttpServer chat;
    static Path routes;
    static Path dataDir;

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(OperatorEditsIT::editedService).withFakeReplicate(TOKEN);
    static TestDatabase db;
    static FakeReplicate replicate;
    static RunningService service;

    /** routes/ copied with the README's edits applied; a chat webhook to POST to. */
    static Map<String, String> editedService() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        routes = Files.createTempDirectory("scenescore-edited-routes");
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.toList()) {
                Files.copy(f, routes.resolve(f.getFileName()));
            }
        }
        replaceRoute("hooks.camel.yaml", "on-run-completed", edit(readme, "status-folder"));
        replaceRoute("hooks.camel.yaml", "on-run-failed", edit(readme, "chat-webhook"));
        replaceLine("replicate.camel.yaml", "id: wait-before-poll", edit(readme, "poll-schedule"));

        chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chat.createContext("/hooks/scenescore", exchange -> {
            chatPosts.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            chatContentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        chat.start();
        dataDir = Files.createTempDirectory("scenescore-edits-data");
        return Map.of("camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml",
                "scenescore.data-dir", dataDir.toString(),
                "scenescore.chat-webhook", "http://127.0.0.1:" + chat.getAddress().getPort() + "/hooks/scenescore",
                // without the edit, predictions would be polled every 50 to 100 ms
                "scenescore.replicate.poll.initial-ms", "50",
                "scenescore.replicate.poll.max-ms", "100");
    }

    @AfterAll
    static void stopChat() {
        chat.stop(0);
    }

    /** The YAML block that follows {@code <!-- operator-edit: NAME -->} in the README. */
    static String edit(String readme, String name) {
        Matcher m = Pattern.compile("<!-- operator-edit: " + Pattern.quote(name) + " -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README has the edit " + name).isTrue();
        return m.group(1);
    }

    static void replaceRoute(String file, String id, String route) throws IOException {
        String yaml = Files.readString(routes.resolve(file));
        Matcher m = Pattern.compile("- route:\\n    id: " + Pattern.quote(id) + "\\n.*?(?=\\n(- |#)|\\z)", Pattern.DOTALL).matcher(yaml);
        assertThat(m.find()).as(file + " has the route " + id).isTrue();
        Files.writeString(routes.resolve(file), yaml.substring(0, m.start()) + route.stripTrailing() + yaml.substring(m.end()));
    }

    static void replaceLine(String file, String marker, String line) throws IOException {
        List<String> lines = Files.readAllLines(routes.resolve(file));
        List<Integer> at = java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(marker)).boxed().toList();
        assertThat(at).as(file + " has one line with " + marker).hasSize(1);
        lines.set(at.get(0), line.stripTrailing());
        Files.write(routes.resolve(file), lines);
    }

    static String storyboard(String params, double... durations) {
        StringBuilder scenes = new StringBuilder();
        for (double d : durations) {
            scenes.append(scenes.length() == 0 ? "" : ", ").append("{\"description\": \"a calm harbour\", \"duration\": ").append(d).append('}');
        }
        return "{\"storyboard\": {\"scenes\": [" + scenes + "]}, \"audio_params\": {" + params + "}}";
    }

    @Test
    void aFinishedRunLeavesItsStatusInTheFolderAndPredictionsArePolledOnTheEditedSchedule() throws Exception {
        replicate.setLatency(Duration.ofMillis(4500));
        try {
            String jobId = service.generate(storyboard("", 2));
            JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");

            Path written = dataDir.resolve("finished").resolve(jobId + ".json");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(written));
            JsonNode stored = RunningService.json(Files.readString(written));
            assertThat(stored.path("job_id").asText()).isEqualTo(jobId);
            assertThat(stored.path("status").asText()).isEqualTo("completed");
            assertThat(stored.at("/audio/available").asBoolean()).isTrue();

            List<Long> polls = replicate.pollTimes().get(status.at("/progress/scenes/0/prediction_id").asText());
            assertThat(polls).as("polls of the 4.5 s prediction").hasSizeGreaterThanOrEqualTo(2);
            for (int i = 1; i < polls.size(); i++) {
                assertThat(polls.get(i) - polls.get(i - 1)).as("time between polls").isGreaterThanOrEqualTo(1900);
            }
        } finally {
            replicate.setLatency(Duration.ZERO);
        }
    }

    @Test
    void aFailedRunPostsItsStatusToTheChatWebhook() throws Exception {
        replicate.failNextPredictions(1, "CUDA out of memory");

        String jobId = service.generate(storyboard("\"error_strategy\": \"halt\"", 2));
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).isEqualTo("failed");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !chatPosts.isEmpty());
        assertThat(chatPosts).hasSize(1);
        assertThat(chatPosts.get(0)).startsWith("POST {");
        JsonNode posted = RunningService.json(chatPosts.get(0).substring("POST ".length()));
        assertThat(posted.path("job_id").asText()).isEqualTo(jobId);
        assertThat(posted.path("status").asText()).isEqualTo("failed");
        assertThat(posted.path("error").asText()).contains("CUDA out of memory");
        assertThat(chatContentTypes.get(0)).startsWith("application/json");
        // the completed run's hook wrote nothing for the failed one
        assertThat(dataDir.resolve("finished").resolve(jobId + ".json")).doesNotExist();
    }
}
