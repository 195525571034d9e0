package io.scenescore.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service as a real process (`java io.scenescore.SceneScore`), to be killed with SIGKILL or stopped with SIGTERM. */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on a free port with the given environment and -D settings, and waits until it answers. */
    public static ServiceProcess start(TestDatabase db, Map<String, String> env, Map<String, String> settings) throws Exception {
        int port = RunningService.freePort();
        Path data = Files.createTempDirectory("scenescore-process");
        Path log = data.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.scenescore.SceneScore"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SCENESCORE_PORT", String.valueOf(port));
        pb.environment().put("SCENESCORE_DB_URL", db.url());
        pb.environment().put("SCENESCORE_DB_USER", db.user());
        pb.environment().put("SCENESCORE_DATA_DIR", data.toString());
        pb.environment().putAll(env);
        ServiceProcess service = new ServiceProcess(pb.start(), port, log);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!service.process.isAlive()) {
                throw new AssertionError("the service process ended: " + Files.readString(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(service.uri("/observe/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return service;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public ApiClient api() {
        return new ApiClient(() -> port, null);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no lease given back. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: Camel's graceful shutdown. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
