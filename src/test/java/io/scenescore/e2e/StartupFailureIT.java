package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up fails loudly: a non-zero exit and one clear line, when the port is taken or the database is away. */
class StartupFailureIT {

    @Test
    void aTakenPortStopsStartUpWithOneClearLine(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Result result = startService(data, "SCENESCORE_PORT=" + taken.getLocalPort(),
                    "SCENESCORE_DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres", "SCENESCORE_DB_USER=postgres");

            assertThat(result.exit()).isNotZero();
            assertThat(result.output()).contains("scenescore: cannot start: port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void anUnreachableDatabaseStopsStartUpWithOneClearLine(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Result result = startService(data, "SCENESCORE_DB_URL=jdbc:postgresql://127.0.0.1:" + port + "/nowhere?password=hunter2",
                "SCENESCORE_PORT=0");

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("scenescore: cannot start: cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:" + port);
        assertThat(result.output()).doesNotContain("hunter2");
    }

    @Test
    void aWebhookSecretThatIsNotBase64StopsStartUpWithoutShowingIt(@TempDir Path data) throws Exception {
        Result result = startService(data, "SCENESCORE_WEBHOOK_SECRET=whsec_not*base64*hunter2", "SCENESCORE_PORT=0",
                "SCENESCORE_DB_URL=jdbc:postgresql://127.0.0.1:1/nowhere");

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("scenescore: cannot start: SCENESCORE_WEBHOOK_SECRET (scenescore.webhooks.secret): "
                + "the webhook secret must be whsec_ followed by base64");
        assertThat(result.output()).doesNotContain("hunter2");
    }

    record Result(int exit, String output) {
    }

    /** Runs the real main() in a child JVM, as `java -jar` would, with the given environment. */
    private static Result startService(Path data, String... env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "io.scenescore.SceneScore"))
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true);
        pb.environment().put("SCENESCORE_DATA_DIR", data.toString());
        pb.environment().put("SCENESCORE_PROVIDER", "silence");
        for (String e : env) {
            String[] kv = e.split("=", 2);
            pb.environment().put(kv[0], kv[1]);
        }
        Path log = data.resolve("out.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!ended) {
            p.destroyForcibly();
            throw new AssertionError("the service did not stop within 60 s: " + out);
        }
        return new Result(p.exitValue(), out);
    }
}
