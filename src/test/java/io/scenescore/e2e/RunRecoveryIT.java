package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.ApiClient;
import io.scenescore.support.ServiceProcess;
import io.scenescore.support.TestDatabase;

/** Runs survive a killed process and are shared between instances: real processes, a real database. */
class RunRecoveryIT {

    static final String TOKEN = "r8_recovery_token";

    TestDatabase db;
    FakeReplicate replicate;
    final List<ServiceProcess> processes = new ArrayList<>();

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        replicate = FakeReplicate.start(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        for (ServiceProcess p : processes) {
            p.close();
        }
        replicate.close();
        db.close();
    }

    ServiceProcess instance(int concurrentRuns) throws Exception {
        ServiceProcess p = ServiceProcess.start(db,
                Map.of("SCENESCORE_PROVIDER", "replicate", "REPLICATE_API_TOKEN", TOKEN, "REPLICATE_BASE_URL", replicate.baseUrl(),
                        "SCENESCORE_CONCURRENT_RUNS", String.valueOf(concurrentRuns), "SCENESCORE_LEASE_SECONDS", "4",
                        "SCENESCORE_LEASE_RENEW_MS", "1000"),
                Map.of("scenescore.dispatch.period-ms", "200", "scenescore.replicate.prefer-wait-seconds", "1",
                        "scenescore.replicate.poll.initial-ms", "200", "scenescore.replicate.poll.max-ms", "500"));
        processes.add(p);
        return p;
    }

    static String scenes(int count, int seconds) {
        StringBuilder s = new StringBuilder("{\"storyboard\": {\"scenes\": [");
        for (int i = 0; i < count; i++) {
            s.append(i > 0 ? ", " : "").append("{\"description\": \"scene ").append(i).append("\", \"duration\": ").append(seconds).append('}');
        }
        return s.append("]}}").toString();
    }

    Map<String, Object> sceneRow(String jobId, int index) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT status, prediction_id FROM scene_segments WHERE job_id = '" + jobId
                     + "' AND scene_index = " + index)) {
            return r.next() ? Map.of("status", r.getString(1), "prediction_id", String.valueOf(r.getString(2))) : Map.of();
        }
    }

    @Test
    void aRunKilledDuringScene2Of4ResumesThereAndMakesNoFinishedSceneTwice() throws Exception {
        replicate.setLatency(Duration.ofSeconds(3));
        ServiceProcess first = instance(4);
        ApiClient api = first.api();
        String jobId = api.generate(scenes(4, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> !sceneRow(jobId, 1).getOrDefault("prediction_id", "null").equals("null"));
        String inflight = (String) sceneRow(jobId, 1).get("prediction_id");

        first.kill();
        ServiceProcess second = instance(4);
        JsonNode status = second.api().awaitEnd(jobId, Duration.ofSeconds(90));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(replicate.createdPredictions()).isLessThanOrEqualTo(5);
        // the prediction in flight at the kill was polled again, not made twice: one create per scene
        assertThat(status.at("/progress/scenes/1/prediction_id").asText()).isEqualTo(inflight);
        assertThat(replicate.createdPredictions()).isEqualTo(4);
        assertThat(replicate.createRequests().stream().filter(c -> !c.at("/input/continuation").asBoolean(false)).count())
                .as("scene 1 (the only one made fresh) was made once").isEqualTo(1);
        assertThat(status.at("/audio/duration_seconds").asDouble()).isEqualTo(8.0);
    }

    @Test
    void aRunKilledAfterCreatingTheNextPredictionButBeforeStoringTheSceneFetchesItsOutputAgain() throws Exception {
        replicate.setLatency(Duration.ofSeconds(2));
        ServiceProcess first = instance(4);
        // scene 0's store is held in the database: the pipelined run creates scene 1's prediction meanwhile
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION hold_scene_0() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(120); RETURN NEW; END $$");
            s.execute("CREATE TRIGGER hold_scene_0 BEFORE UPDATE ON scene_segments FOR EACH ROW"
                    + " WHEN (NEW.scene_index = 0 AND NEW.content IS NOT NULL) EXECUTE FUNCTION hold_scene_0()");
        }
        String jobId = first.api().generate(scenes(3, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> !sceneRow(jobId, 1).getOrDefault("prediction_id", "null").equals("null"));
        assertThat(sceneRow(jobId, 0).get("status")).as("scene 0 not stored yet").isEqualTo("running");
        String scene0 = (String) sceneRow(jobId, 0).get("prediction_id");
        String scene1 = (String) sceneRow(jobId, 1).get("prediction_id");

        first.kill();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // the killed instance's held statement (and its locks) ends with its connection, which PostgreSQL does not
            // notice during pg_sleep: ended first, or dropping the trigger waits the two minutes out
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            s.execute("DROP TRIGGER hold_scene_0 ON scene_segments");
        }
        JsonNode status = instance(4).api().awaitEnd(jobId, Duration.ofSeconds(90));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        // scene 0's output was fetched again through its stored prediction, scene 1's was polled again: one create per scene
        assertThat(status.at("/progress/scenes/0/prediction_id").asText()).isEqualTo(scene0);
        assertThat(status.at("/progress/scenes/1/prediction_id").asText()).isEqualTo(scene1);
        assertThat(status.at("/progress/scenes")).allSatisfy(sc -> assertThat(sc.path("status").asText()).isEqualTo("completed"));
        assertThat(replicate.createdPredictions()).isEqualTo(3);
        assertThat(status.at("/audio/duration_seconds").asDouble()).isEqualTo(6.0);
    }

    @Test
    void aResumedSceneContinuesTheStoredPieceThroughADataUrlWhenTheOutputUrlIsGone() throws Exception {
        replicate.setLatency(Duration.ofSeconds(3));
        ServiceProcess first = instance(4);
        String jobId = first.api().generate(scenes(3, 3));
        await().atMost(Duration.ofSeconds(60)).until(() -> !sceneRow(jobId, 1).getOrDefault("prediction_id", "null").equals("null"));
        String lost = (String) sceneRow(jobId, 1).get("prediction_id");
        first.kill();
        // as if the process had died before it could store the prediction's id, over an hour ago: Replicate has
        // deleted every output since, the previous scene's included
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE scene_segments SET prediction_id = NULL WHERE job_id = '" + jobId + "' AND scene_index = 1");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> replicate.prediction(lost).orElseThrow().path("status").asText().equals("succeeded"));
        replicate.expireFiles();
        replicate.reset();

        JsonNode status = instance(4).api().awaitEnd(jobId, Duration.ofSeconds(90));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/scenes")).allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("completed"));
        JsonNode resumed = replicate.createRequests().get(0).path("input");
        assertThat(resumed.path("continuation").asBoolean()).isTrue();
        assertThat(resumed.path("input_audio").asText()).startsWith("data:audio/wav;base64,");
        assertThat(resumed.path("input_audio").asText().length()).isLessThan(256_000);
        assertThat(resumed.path("continuation_start").asInt()).isZero();
        assertThat(resumed.path("continuation_end").asInt()).isEqualTo(2);
        assertThat(status.at("/audio/duration_seconds").asDouble()).isEqualTo(9.0);
    }

    @Test
    void twoInstancesShareTwentyRunsAndEachIsExecutedOnce() throws Exception {
        replicate.setLatency(Duration.ofMillis(800));
        ServiceProcess a = instance(4);
        ServiceProcess b = instance(4);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add((i % 2 == 0 ? a : b).api().generate(scenes(1, 2)));
        }

        for (String jobId : jobs) {
            assertThat(a.api().awaitEnd(jobId, Duration.ofSeconds(120)).path("status").asText()).isEqualTo("completed");
        }

        assertThat(replicate.createdPredictions()).isEqualTo(20);
        Set<String> executors = new HashSet<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT DISTINCT completed_by FROM jobs")) {
            while (r.next()) {
                executors.add(r.getString(1));
            }
        }
        assertThat(executors).as("both instances executed runs").hasSize(2);
    }

    long runsHeldBy(ServiceProcess p) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM jobs WHERE status = 'running' AND lease_owner LIKE '%-" + p.pid() + "-%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void whenOneInstanceIsKilledTheOtherFinishesItsRunsOnceTheLeaseRunsOut() throws Exception {
        replicate.setLatency(Duration.ofSeconds(4));
        ServiceProcess doomed = instance(5);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(doomed.api().generate(scenes(6, 2)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> runsHeldBy(doomed) == 5);
        ServiceProcess survivor = instance(5);
        assertThat(runsHeldBy(doomed)).as("the killed instance still holds all runs").isEqualTo(5);

        doomed.kill();
        long killedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> runsHeldBy(survivor) == 5);
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        for (String jobId : jobs) {
            assertThat(survivor.api().awaitEnd(jobId, Duration.ofSeconds(120)).path("status").asText()).isEqualTo("completed");
        }

        // every scene made once: the predictions in flight at the kill were polled again by the survivor
        assertThat(replicate.createdPredictions()).isEqualTo(30);
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM jobs WHERE completed_by LIKE '%-" + survivor.pid() + "-%'")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(5);
        }
        System.out.printf("takeover: the survivor held all 5 runs %.1f s after the kill (lease 4 s, renewed every 1 s)%n", takeover);
    }

    @Test
    void aGracefulStopGivesTheLeaseUpAndTheRunIsResumedNotFailed() throws Exception {
        replicate.setLatency(Duration.ofSeconds(3));
        ServiceProcess leaving = instance(5);
        String jobId = leaving.api().generate(scenes(3, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> runsHeldBy(leaving) == 1);

        leaving.stop();

        // the stopped instance gave its lease up (a crash would leave it to run out), and failed nothing
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT status, lease_expires_at < now() FROM jobs WHERE id = '" + jobId + "'")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("running");
            assertThat(r.getBoolean(2)).as("lease already expired").isTrue();
        }
        assertThat(replicate.canceledIds()).as("nothing canceled at Replicate").isEmpty();
        ServiceProcess staying = instance(5);
        JsonNode status = staying.api().awaitEnd(jobId, Duration.ofSeconds(60));
        assertThat(status.path("status").asText()).isEqualTo("completed");
        assertThat(status.at("/progress/scenes")).allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("completed"));
        assertThat(replicate.createdPredictions()).isEqualTo(3);
    }
}
