package io.scenescore.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.main.Main;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.SceneScore;

/** The SceneScore service, started as main() starts it, on a free port, against a test database. */
public final class RunningService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Properties overrides;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Main main;
    private String apiKey;

    private RunningService(Properties overrides) {
        this.overrides = overrides;
    }

    /** Starts the service with the silence source, a scratch data folder and the given overrides. */
    public static RunningService start(TestDatabase db, Map<String, String> settings) throws Exception {
        Properties p = new Properties();
        int port = freePort();
        p.setProperty("camel.server.port", String.valueOf(port));
        p.setProperty("camel.management.port", String.valueOf(port));
        p.setProperty("camel.server.host", "127.0.0.1");
        p.setProperty("scenescore.db.url", db.url());
        p.setProperty("scenescore.db.user", db.user());
        p.setProperty("scenescore.data-dir", Files.createTempDirectory("scenescore-test").toString());
        p.setProperty("scenescore.provider", "silence");
        p.setProperty("scenescore.dispatch.period-ms", "100");
        p.putAll(settings);
        RunningService service = new RunningService(p);
        service.apiKey = settings.get("scenescore.api-key");
        service.startMain();
        return service;
    }

    private void startMain() throws Exception {
        main = SceneScore.newMain(overrides);
        main.start();
    }

    /** Stops the process's Camel and starts it again on the same port, database and data folder. */
    public void restart() throws Exception {
        main.stop();
        startMain();
    }

    public org.apache.camel.CamelContext camelContext() {
        return main.getCamelContext();
    }

    public int port() {
        return Integer.parseInt(overrides.getProperty("camel.server.port"));
    }

    /** The service's data folder (SCENESCORE_DATA_DIR). */
    public Path dataDir() {
        return Path.of(overrides.getProperty("scenescore.data-dir"));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public JsonNode status(String jobId) throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/api/v3/audio/status/" + jobId);
        if (answer.statusCode() != 200) {
            throw new AssertionError("status of " + jobId + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** Waits until the job's run has ended (completed, failed or canceled) and returns its status document. */
    public JsonNode awaitEnd(String jobId, Duration atMost) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = status(jobId);
            String s = last[0].path("status").asText();
            return s.equals("completed") || s.equals("failed") || s.equals("canceled");
        });
        return last[0];
    }

    /** Starts a run and returns its job id. */
    public String generate(String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = postJson("/api/v3/audio/generate-scenes", body);
        if (answer.statusCode() != 202) {
            throw new AssertionError("generate-scenes answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get("job_id").asText();
    }

    public Path download(String jobId, Path to) throws IOException, InterruptedException {
        HttpResponse<Path> answer = http.send(request("/api/v3/audio/" + jobId + "/download").GET().build(),
                HttpResponse.BodyHandlers.ofFile(to));
        if (answer.statusCode() != 200) {
            throw new AssertionError("download answered " + answer.statusCode());
        }
        return to;
    }

    public static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Override
    public void close() throws Exception {
        if (main != null) {
            main.stop();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
