package io.scenescore.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to a SceneScore service over HTTP, as an integrator would. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntSupplier port;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(IntSupplier port, String apiKey) {
        this.port = port;
        this.apiKey = apiKey;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port.getAsInt() + path);
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
}
