package io.scenescore;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.main.Main;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code score STORYBOARD.json [OUT]}: starts the service on a free local port, scores the storyboard through
 * its own HTTP API exactly as an integrator would, prints each scene as it finishes and writes the soundtrack.
 */
final class OneShotScoring {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);

    private OneShotScoring() {
    }

    static int run(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -jar scenescore.jar score STORYBOARD.json [OUT.mp3|OUT.wav]");
            return 2;
        }
        Path storyboardFile = Path.of(args[0]);
        Path out = Path.of(args.length > 1 ? args[1] : "soundtrack.mp3");
        JsonNode request;
        try {
            request = JSON.readTree(Files.readString(storyboardFile));
        } catch (IOException e) {
            System.err.println("scenescore: cannot read " + storyboardFile + ": " + e.getMessage());
            return 2;
        }
        ObjectNode body = request.has("storyboard") ? (ObjectNode) request.deepCopy() : JSON.createObjectNode().set("storyboard", request);
        ObjectNode params = body.has("audio_params") ? (ObjectNode) body.get("audio_params") : body.putObject("audio_params");
        if (!params.has("output_format")) {
            params.put("output_format", out.toString().endsWith(".wav") ? "wav" : "mp3");
        }

        int port = freePort();
        Properties overrides = new Properties();
        overrides.setProperty("camel.server.port", String.valueOf(port));
        overrides.setProperty("camel.management.port", String.valueOf(port));
        overrides.setProperty("camel.server.host", "127.0.0.1");
        Main main = SceneScore.newMain(overrides);
        try {
            main.start();
        } catch (Exception e) {
            System.err.println("scenescore: cannot start: " + StartupFailure.describe(e));
            return 1;
        }
        try {
            return score(URI.create("http://127.0.0.1:" + port), body, out);
        } finally {
            main.stop();
        }
    }

    private static int score(URI base, ObjectNode body, Path out) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String key = System.getenv("SCENESCORE_API_KEY");
        HttpRequest.Builder start = HttpRequest.newBuilder(base.resolve("/api/v3/audio/generate-scenes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        authorize(start, key);
        HttpResponse<String> started = http.send(start.build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            System.err.print(refusal(started.statusCode(), started.body()));
            return 2;
        }
        String jobId = JSON.readTree(started.body()).get("job_id").asText();
        System.out.println("job " + jobId + " queued");
        Map<Integer, String> printed = new HashMap<>();
        while (true) {
            HttpRequest.Builder poll = HttpRequest.newBuilder(base.resolve("/api/v3/audio/status/" + jobId));
            authorize(poll, key);
            JsonNode status = JSON.readTree(http.send(poll.build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode scene : status.path("progress").path("scenes")) {
                String line = scene.path("status").asText();
                if (!line.equals("pending") && !line.equals(printed.get(scene.path("index").asInt()))) {
                    printed.put(scene.path("index").asInt(), line);
                    System.out.printf("scene %d/%d %-9s %5.1f s  %s%s%n", scene.path("index").asInt() + 1,
                            status.path("progress").path("scenes_total").asInt(), line,
                            scene.path("duration_seconds").asDouble(), scene.path("source").asText(""),
                            scene.path("error").isNull() ? "" : "  (" + scene.path("error").asText() + ")");
                }
            }
            String state = status.path("status").asText();
            if (state.equals("completed")) {
                HttpRequest.Builder download = HttpRequest.newBuilder(base.resolve("/api/v3/audio/" + jobId + "/download"));
                authorize(download, key);
                http.send(download.build(), HttpResponse.BodyHandlers.ofFile(out.toAbsolutePath()));
                System.out.printf("soundtrack: %s (%.2f s, %d bytes)%n", out, status.path("audio").path("duration_seconds").asDouble(),
                        Files.size(out));
                return 0;
            }
            if (state.equals("failed") || state.equals("canceled")) {
                System.err.println("scenescore: the run " + state + ": " + status.path("error").asText());
                return 1;
            }
            // a command-line client polling the status document, as any integrator would
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * What the service said when it refused the storyboard, for a person: one line per invalid field
     * ({@code storyboard.scenes[0].duration: must be greater than 0, got -1}), else the problem's detail.
     */
    static String refusal(int status, String body) {
        StringBuilder out = new StringBuilder("scenescore: the storyboard was refused");
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            return out.append(" (HTTP ").append(status).append("): ").append(body.strip()).append(System.lineSeparator()).toString();
        }
        JsonNode errors = problem.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            out.append(':').append(System.lineSeparator());
            for (JsonNode error : errors) {
                out.append(error.path("field").asText("?")).append(": ").append(error.path("message").asText("")).append(System.lineSeparator());
            }
            return out.toString();
        }
        String detail = problem.path("detail").asText(problem.path("title").asText("HTTP " + status));
        return out.append(": ").append(detail).append(System.lineSeparator()).toString();
    }

    private static void authorize(HttpRequest.Builder request, String key) {
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
