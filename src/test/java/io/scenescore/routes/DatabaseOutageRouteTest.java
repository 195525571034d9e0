package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import io.scenescore.run.SceneWork;
import io.scenescore.store.DatabaseWait;

/**
 * The database policy of the run's routes (routes/errors.camel.yaml, run-steps): a step whose database went away is
 * made again until it answers, the scene is stored once and never silenced, the run is never failed by it and says
 * it waited; one that stays away longer than scenescore.db.retry-for-ms leaves the run for resumption.
 */
class DatabaseOutageRouteTest extends RunRoutesTestSupport {

    static final String JOB = "7b0c1e9e-0000-4000-8000-00000000db01";

    @Override
    String provider() {
        return "fake";
    }

    /** 1.2 s: two failed attempts (0.5 s and 1 s apart) are retried, a third is not. */
    @Override
    long databaseRetryForMs() {
        return 1200;
    }

    /** What camel-sql throws when PostgreSQL is restarted under a statement. */
    static RuntimeException restarted() {
        return new DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
    }

    @Test
    void aSceneWhoseStoreFailsTwiceOnTheDatabaseIsStoredOnceNotSilenced() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        advise("cut-and-store-scene", a -> a.weaveById("store-segment").before().process(e -> {
            if (e.getMessage().getBody(SceneWork.class).index() == 1 && attempts.incrementAndGet() <= 2) {
                throw restarted();
            }
        }));

        runJob(job(JOB, "{\"error_strategy\": \"continue_with_silence\"}", "dawn", "noon", "dusk"), "mock:completed");

        assertThat(attempts).hasValue(3);
        // scene 2 is made (and stored) while scene 1's store waits for the database
        assertThat(storedScenes()).extracting(SceneWork::index).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(storedScenes()).extracting(SceneWork::status).containsOnly("completed");
        assertThat(continued).containsExactly(null, "fake://piece-0", "fake://piece-1");
        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isZero();
        // the run's wait, as complete-run.sql writes it into the status: about 1.5 s
        DatabaseWait wait = getMockEndpoint("mock:completed").getReceivedExchanges().get(0)
                .getProperty("databaseWait", DatabaseWait.class);
        assertThat(wait.note()).isEqualTo("waited 2 s for the database");
    }

    @Test
    void aRunWhoseFirstReadFailsOnTheDatabaseReadsAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        advise("run-to-its-end", a -> a.weaveById("find-finished-scenes").before().process(e -> {
            if (attempts.incrementAndGet() <= 2) {
                throw restarted();
            }
        }));

        runJob(job(JOB, "{}", "dawn", "noon"), "mock:completed");

        assertThat(attempts).hasValue(3);
        assertThat(storedScenes()).extracting(SceneWork::status).containsOnly("completed");
    }

    @Test
    void aDatabaseAwayLongerThanTheLimitLeavesTheRunNeitherFailedNorSilent() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        advise("cut-and-store-scene", a -> a.weaveById("store-segment").before().process(e -> {
            if (e.getMessage().getBody(SceneWork.class).index() == 1) {
                attempts.incrementAndGet();
                throw restarted();
            }
        }));
        adviseRun(job(JOB, "{\"error_strategy\": \"continue_with_silence\"}", "dawn", "noon", "dusk"));
        context.start();
        NotifyBuilder ended = new NotifyBuilder(context).fromRoute("execute-run").whenDone(1).create();

        template.sendBody("direct:run", java.util.Map.of("id", JOB));

        assertThat(ended.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(attempts).hasValue(3);
        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isZero();
        assertThat(getMockEndpoint("mock:completed").getReceivedCounter()).isZero();
        // scene 1 stays unstored for the resumed run to make (Replicate's: to fetch again); the scene after it
        // may have been stored meanwhile, and none is silence
        assertThat(storedScenes()).extracting(SceneWork::index).contains(0).doesNotContain(1);
        assertThat(storedScenes()).extracting(SceneWork::status).containsOnly("completed");
    }

    @Test
    void aMusicSourceFailingOnTheDatabaseNeverMakesTheSceneSilent() throws Exception {
        advise("music-fake", a -> a.weaveAddFirst().process(e -> {
            if (e.getMessage().getBody(SceneWork.class).index() == 1) {
                throw restarted();
            }
        }));
        adviseRun(job(JOB, "{\"error_strategy\": \"continue_with_silence\"}", "dawn", "noon", "dusk"));
        context.start();
        NotifyBuilder ended = new NotifyBuilder(context).fromRoute("execute-run").whenDone(1).create();

        template.sendBody("direct:run", java.util.Map.of("id", JOB));

        assertThat(ended.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(storedScenes()).extracting(SceneWork::index).containsExactly(0);
        assertThat(storedScenes()).extracting(SceneWork::status).doesNotContain("silence");
        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isZero();
    }
}
