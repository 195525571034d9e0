package io.scenescore.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.main.Main;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.SceneScore;

/** The SceneScore service, started as main() starts it, on a free port, against a test database. */
public final class RunningService implements AutoCloseable {

    private final Properties overrides;
    private final ApiClient api;
    private Main main;

    private RunningService(Properties overrides, String apiKey) {
        this.overrides = overrides;
        this.api = new ApiClient(this::port, apiKey);
    }

    /** Starts the service with the silence source, a scratch data folder and the given overrides. */
    public static RunningService start(TestDatabase db, Map<String, String> settings) throws Exception {
        Properties p = new Properties();
        p.setProperty("scenescore.db.url", db.url());
        p.setProperty("scenescore.db.user", db.user());
        p.setProperty("scenescore.provider", "silence");
        p.putAll(settings);
        return start(Files.createTempDirectory("scenescore-test"), p);
    }

    /** Starts the service on its embedded defaults: no database URL, so an embedded PostgreSQL under {@code dataDir}. */
    public static RunningService startEmbedded(Path dataDir, Map<String, String> settings) throws Exception {
        Properties p = new Properties();
        p.putAll(settings);
        return start(dataDir, p);
    }

    private static RunningService start(Path dataDir, Properties settings) throws Exception {
        Properties p = new Properties();
        int port = freePort();
        p.setProperty("camel.server.port", String.valueOf(port));
        p.setProperty("camel.management.port", String.valueOf(port));
        p.setProperty("camel.server.host", "127.0.0.1");
        p.setProperty("scenescore.data-dir", dataDir.toString());
        p.setProperty("scenescore.dispatch.period-ms", "100");
        p.putAll(settings);
        RunningService service = new RunningService(p, settings.getProperty("scenescore.api-key"));
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

    /**
     * Waits until the job's run has removed its own folder (the job's work folder's {@code run/}), which it does
     * however it ends, just after its status says so; returns the job's work folder.
     */
    public Path awaitRunFolderRemoved(String jobId) {
        Path work = dataDir().resolve("work").resolve(jobId);
        org.awaitility.Awaitility.await("the run's folder of job " + jobId + " removed").atMost(java.time.Duration.ofSeconds(15))
                .until(() -> !java.nio.file.Files.exists(io.scenescore.store.WorkFolders.runFolder(work)));
        return work;
    }

    public ApiClient api() {
        return api;
    }

    public URI uri(String path) {
        return api.uri(path);
    }

    public HttpRequest.Builder request(String path) {
        return api.request(path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return api.send(request);
    }

    public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return api.sendForBytes(request);
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return api.postJson(path, json);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return api.get(path);
    }

    public JsonNode status(String jobId) throws IOException, InterruptedException {
        return api.status(jobId);
    }

    public JsonNode awaitEnd(String jobId, Duration atMost) {
        return api.awaitEnd(jobId, atMost);
    }

    public String generate(String body) throws IOException, InterruptedException {
        return api.generate(body);
    }

    public Path download(String jobId, Path to) throws IOException, InterruptedException {
        return api.download(jobId, to);
    }

    public static JsonNode json(String text) throws IOException {
        return ApiClient.json(text);
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
