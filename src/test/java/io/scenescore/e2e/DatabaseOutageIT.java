package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.RunningService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL that is stopped for several seconds and started again while runs are in flight (issue 11, point 1):
 * every run completes, no scene is silent, a run that waited says so in its status, the API answers 503 with
 * Retry-After meanwhile, and the service needs no restart. The server is the test's own (an embedded PostgreSQL on a
 * fixed data folder and port, stopped with pg_ctl's fast mode), never the machine's shared one.
 */
class DatabaseOutageIT {

    static final String TOKEN = "r8_db_outage_token";
    static final int RUNS = 5;
    static final String THREE_SCENES = """
            {"storyboard": {"scenes": [
              {"title": "Dawn", "description": "a calm sunrise over a quiet harbour", "duration": 4},
              {"title": "Chase", "description": "a tense chase through the market", "duration": 4},
              {"title": "Goodbye", "description": "a sad goodbye in the rain", "duration": 4}]},
             "audio_params": {"output_format": "wav", "error_strategy": "continue_with_silence"}}""";

    static Path pgDir;
    static int pgPort;
    static EmbeddedPostgres pg;
    static FakeReplicate replicate;
    static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        pgDir = Files.createTempDirectory("scenescore-outage-pg");
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            pgPort = s.getLocalPort();
        }
        pg = startPostgres();
        replicate = FakeReplicate.start(TOKEN);
        // each prediction takes a while, so that runs are mid-way when the database goes
        replicate.setLatency(Duration.ofSeconds(2));
        service = RunningService.startEmbedded(Files.createTempDirectory("scenescore-outage"), Map.of(
                "scenescore.db.url", pg.getJdbcUrl("postgres", "postgres"),
                "scenescore.db.user", "postgres",
                "scenescore.provider", "replicate",
                "scenescore.replicate.token", TOKEN,
                "scenescore.replicate.base-url", replicate.baseUrl(),
                "scenescore.replicate.prefer-wait-seconds", "1",
                "scenescore.replicate.poll.initial-ms", "200",
                "scenescore.replicate.poll.max-ms", "500",
                "scenescore.db.connection-timeout-ms", "2000"));
    }

    static EmbeddedPostgres startPostgres() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false).setPort(pgPort).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try (RunningService s = service; FakeReplicate r = replicate; EmbeddedPostgres p = pg) {
            // closed in reverse order
        }
    }

    @Test
    void runsInFlightWaitForARestartedDatabaseAndCompleteWithoutSilence() throws Exception {
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            jobs.add(service.generate(THREE_SCENES));
        }
        // every run has started: its first prediction is made
        await().atMost(Duration.ofSeconds(60)).until(() -> replicate.createdPredictions() >= RUNS);

        long stopped = System.nanoTime();
        pg.close();
        // while it is away, the API asks the client to come back later, in problem+json, without internals
        HttpResponse<String> during = service.get("/api/v3/audio/status/" + jobs.get(0));
        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(during.body()).contains("database").doesNotContain("Exception").doesNotContain("jdbc");
        // down for at least 8 s in all
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
        pg = startPostgres();
        double downSeconds = (System.nanoTime() - stopped) / 1e9;
        // the API answers again once the pool has a connection (a request on a connection that died may get one more 503)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> service.get("/api/v3/audio/status/" + jobs.get(0)).statusCode() == 200);

        List<Double> waited = new ArrayList<>();
        int completed = 0;
        for (String job : jobs) {
            JsonNode status = service.awaitEnd(job, Duration.ofSeconds(120));
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
            assertThat(status.at("/progress/scenes")).as(status.toString())
                    .allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("completed"));
            completed++;
            String note = status.at("/progress/note").asText(null);
            if (note != null) {
                waited.add(Double.parseDouble(note.replaceAll("\\D+", " ").trim()));
            }
        }
        System.out.printf("database down %.1f s: %d of %d runs completed, %d said they waited %s s%n",
                downSeconds, completed, RUNS, waited.size(), waited);
        assertThat(waited).as("runs that say they waited for the database").isNotEmpty();
        // the service needed no restart: a new run goes through at once
        String after = service.generate(THREE_SCENES);
        JsonNode last = service.awaitEnd(after, Duration.ofSeconds(60));
        assertThat(last.path("status").asText()).isEqualTo("completed");
        assertThat(last.at("/progress/note").isMissingNode()).isTrue();
    }
}
