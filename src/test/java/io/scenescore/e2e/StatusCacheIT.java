package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.scenescore.status.StatusChanges;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/**
 * The status route answers from memory while nothing of the job changed, and sees a change made by anyone (here a
 * connection of the test's own, as another instance would write) as soon as PostgreSQL announces it; with the
 * listening connection lost, it reads the database until listening is back. The cache's maximum age is set far
 * beyond the test, so only the announcements can explain a fresh answer.
 */
class StatusCacheIT {

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.status.cache-max-age-ms", "600000"));
    static TestDatabase db;
    static RunningService service;
    static String jobId;

    @BeforeAll
    static void aFinishedJob() throws Exception {
        jobId = service.generate(WalkingSkeletonIT.THREE_SCENES);
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void aChangeMadeElsewhereIsSeenAtOnceAndNothingElseReachesTheDatabase() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(StatusCacheIT::listening);
        service.status(jobId);

        // a change PostgreSQL does not announce is not seen: the answer comes from memory
        write("ALTER TABLE jobs DISABLE TRIGGER jobs_status");
        setNote("unannounced");
        write("ALTER TABLE jobs ENABLE TRIGGER jobs_status");
        assertThat(service.status(jobId).at("/progress/note").isMissingNode()).isTrue();

        setNote("announced");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(service.status(jobId).at("/progress/note").asText()).isEqualTo("announced"));
        // and one of the job's parts (a scene row) too
        write("UPDATE scene_segments SET error = 'looked at' WHERE job_id = '" + jobId + "' AND scene_index = 1");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(service.status(jobId).at("/progress/scenes/1/error").asText()).isEqualTo("looked at"));
    }

    @Test
    void withoutItsListeningConnectionTheRouteReadsTheDatabaseUntilItIsBack() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(StatusCacheIT::listening);
        service.status(jobId);

        assertThat(query("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = '" + StatusChanges.LISTENER + "' AND datname = current_database()) t")).isEqualTo(1);
        write("ALTER TABLE jobs DISABLE TRIGGER jobs_status");
        try {
            setNote("while not listening");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(service.status(jobId).at("/progress/note").asText()).isEqualTo("while not listening"));
        } finally {
            write("ALTER TABLE jobs ENABLE TRIGGER jobs_status");
        }

        await().atMost(Duration.ofSeconds(10)).until(StatusCacheIT::listening);
        setNote("listening again");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(service.status(jobId).at("/progress/note").asText()).isEqualTo("listening again"));
    }

    /** The service's listening session is there and idle after its LISTEN (or its liveness check). */
    private static boolean listening() throws Exception {
        return query("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + StatusChanges.LISTENER
                + "' AND datname = current_database() AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')") == 1;
    }

    private static void setNote(String note) throws Exception {
        try (Connection c = db.connect(); PreparedStatement update = c.prepareStatement("UPDATE jobs SET note = ? WHERE id = CAST(? AS uuid)")) {
            update.setString(1, note);
            update.setString(2, jobId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void write(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long query(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
