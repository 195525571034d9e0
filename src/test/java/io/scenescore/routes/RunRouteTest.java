package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.scenescore.run.SceneWork;

/**
 * The run's pipeline (routes/run.camel.yaml) with a music source that records what it continued: the sequential
 * split hands each finished piece to the next scene through the continuation strategy, a failed scene becomes
 * silence or fails the run per error_strategy, and the hooks get the status document without ever failing a run.
 */
class RunRouteTest extends RunRoutesTestSupport {

    static final String JOB = "7b0c1e9e-0000-4000-8000-000000000001";

    @Override
    String provider() {
        return "fake";
    }

    @Test
    void eachSceneContinuesThePieceBeforeItInStoryboardOrder() throws Exception {
        runJob(job(JOB, "{\"error_strategy\": \"continue_with_silence\"}", "dawn", "noon", "dusk"), "mock:completed");

        assertThat(continued).containsExactly(null, "fake://piece-0", "fake://piece-1");
        assertThat(storedScenes()).extracting(SceneWork::index).containsExactly(0, 1, 2);
        assertThat(storedScenes()).extracting(SceneWork::status).containsOnly("completed");
        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isZero();
    }

    @Test
    void aFailedSceneBecomesSilenceAndTheNextStartsAfresh() throws Exception {
        runJob(job(JOB, "{\"error_strategy\": \"continue_with_silence\"}", "dawn", "fails", "dusk"), "mock:completed");

        SceneWork silent = storedScenes().get(1);
        assertThat(silent.status()).isEqualTo("silence");
        assertThat(silent.source()).isEqualTo("silence");
        assertThat(silent.error()).isEqualTo("the fake source failed scene 1");
        // nothing of a silent scene is continued
        assertThat(continued).containsExactly(null, "fake://piece-0", null);
    }

    @Test
    void aFailedSceneFailsTheRunWhenItHalts() throws Exception {
        runJob(job(JOB, "{\"error_strategy\": \"halt\"}", "dawn", "fails", "dusk"), "mock:failed");

        assertThat(getMockEndpoint("mock:completed").getReceivedCounter()).isZero();
        // the reason stored is the scene's failure in its own words, not the split's wrapping of it
        assertThat(getMockEndpoint("mock:failed").getReceivedExchanges().get(0).getMessage().getBody(String.class))
                .isEqualTo("the fake source failed scene 1");
        // scene 0 is stored beside scene 1's generation, so it may land just after the run failed: it is kept
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(storedScenes()).extracting(SceneWork::index).containsExactly(0));
        assertThat(continued).hasSize(2);
        assertThat(hookCalls).last().asString().startsWith("on-run-failed|" + JOB + "|");
    }

    @Test
    void hooksGetTheStatusDocumentAsJsonTextWithTheJobIdHeader() throws Exception {
        runJob(job(JOB, "{}", "dawn", "noon"), "mock:completed");

        String document = "{\"job_id\": \"" + JOB + "\"}";
        assertThat(hookCalls).containsExactly(
                "on-scene-completed|" + JOB + "|" + document,
                "on-scene-completed|" + JOB + "|" + document,
                "on-run-completed|" + JOB + "|" + document);
    }

    @Test
    void aHookThatFailsNeverFailsTheRun() throws Exception {
        advise("on-scene-completed", a -> a.weaveAddLast().throwException(new IllegalStateException("chat is down")));
        advise("on-run-completed", a -> a.weaveAddLast().throwException(new IllegalStateException("folder is gone")));

        runJob(job(JOB, "{}", "dawn", "noon"), "mock:completed");

        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isZero();
        assertThat(storedScenes()).extracting(SceneWork::status).containsOnly("completed");
    }

    @Test
    void theNextSceneStartsWhileThePreviousOneIsStillBeingStored() throws Exception {
        java.util.concurrent.CountDownLatch nextSceneAsked = new java.util.concurrent.CountDownLatch(1);
        java.util.List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        advise("music-fake", a -> a.weaveAddFirst().process(e -> {
            int index = e.getMessage().getBody(SceneWork.class).index();
            order.add("music " + index);
            if (index == 1) {
                nextSceneAsked.countDown();
            }
        }));
        // scene 0's store is held until scene 1's music is asked for: a run that stored before going on would wait
        // here in vain (10 s) and then record the store first
        advise("cut-and-store-scene", a -> a.weaveById("store-segment").before().process(e -> {
            int index = e.getMessage().getBody(SceneWork.class).index();
            if (index == 0) {
                nextSceneAsked.await(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            order.add("store " + index);
        }));

        runJob(job(JOB, "{}", "dawn", "noon", "dusk"), "mock:completed");

        assertThat(order.indexOf("music 1")).isLessThan(order.indexOf("store 0"));
        assertThat(order).containsSubsequence("music 0", "music 1", "music 2").contains("store 0", "store 1", "store 2");
        // the join waited for every store, and each scene still continued the one before it
        assertThat(getMockEndpoint("mock:fit").getReceivedCounter()).isEqualTo(3);
        assertThat(continued).containsExactly(null, "fake://piece-0", "fake://piece-1");
        assertThat(hookCalls).last().asString().startsWith("on-run-completed|");
    }

    @Test
    void aSceneThatCannotBeStoredFailsTheRunAtItsNextStep() throws Exception {
        advise("cut-and-store-scene", a -> a.weaveById("store-segment").before().process(e -> {
            if (e.getMessage().getBody(SceneWork.class).index() == 0) {
                throw new io.scenescore.media.MediaToolFailure("ffmpeg could not cut scene 0");
            }
        }));

        runJob(job(JOB, "{}", "dawn", "noon", "dusk"), "mock:failed");

        assertThat(getMockEndpoint("mock:completed").getReceivedCounter()).isZero();
        assertThat(getMockEndpoint("mock:failed").getReceivedExchanges().get(0).getMessage().getBody(String.class))
                .contains("ffmpeg could not cut scene 0");
    }

    @Test
    void aDraftMakesEveryScenesMusicAtOnceAndNoneContinuesAnother() throws Exception {
        // each scene's music waits until all three were asked for: made one after the other, none would get there
        java.util.concurrent.CountDownLatch allAsked = new java.util.concurrent.CountDownLatch(3);
        java.util.List<Boolean> metTheOthers = new java.util.concurrent.CopyOnWriteArrayList<>();
        advise("music-fake", a -> a.weaveAddFirst().process(e -> {
            allAsked.countDown();
            metTheOthers.add(allAsked.await(10, java.util.concurrent.TimeUnit.SECONDS));
        }));

        runJob(job(JOB, "{\"continuity\": \"independent\"}", "dawn", "noon", "dusk"), "mock:completed");

        assertThat(metTheOthers).containsExactly(true, true, true);
        assertThat(continued).containsExactly(null, null, null);
        assertThat(storedScenes()).extracting(SceneWork::index).containsExactly(0, 1, 2);
        assertThat(storedScenes()).extracting(SceneWork::status).containsOnly("completed");
    }
}
