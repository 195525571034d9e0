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
        // left to FFmpeg's join here, whose measure needs no limiter
        assertThat(getMockEndpoint("mock:ffmpeg-join").getReceivedCounter()).isEqualTo(1);
        assertThat(getMockEndpoint("mock:limiter-ladder").getReceivedCounter()).isZero();
    }

    @Test
    void aJoinOnPcmWhoseGainNeedsTheLimiterTakesOneMeasuringPassAndNoFfmpegJoin() throws Exception {
        joinOnPcm = exchange -> {
            io.scenescore.run.Run run = exchange.getProperty("run", io.scenescore.run.Run.class);
            writeJoinedSilence(exchange);
            // quiet with high peaks: the gain to -14 LUFS would lift the true peak far over the ceiling
            io.scenescore.media.LoudnessMeasure measured = new io.scenescore.media.LoudnessMeasure(-30.0, -2.0, 6.0);
            io.scenescore.media.LoudnessCommands loudness = new io.scenescore.media.LoudnessCommands();
            run.masterWith(loudness.gain(run.params().loudnessTarget(), measured));
            exchange.setVariable("joined", true);
        };

        runJob(job(JOB, "{}", "dawn", "dusk"), "mock:completed");

        assertThat(getMockEndpoint("mock:ffmpeg-join").getReceivedCounter()).isZero();
        assertThat(getMockEndpoint("mock:limiter-ladder").getReceivedCounter()).isEqualTo(1);
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

    @Test
    void aRegeneratingRunMakesOnlyItsSceneContinuingTheStoredOneBeforeAndKeepsTheOthers() throws Exception {
        storedSegments = java.util.List.of(stored(0), stored(2));
        java.util.Map<String, Object> job = new java.util.HashMap<>(job(JOB, "{\"seed\": 7}", "dawn", "noon", "dusk"));
        job.put("regenerate", "{\"scene\": 1, \"following\": false, \"scenes\": [1], \"seed\": 11}");

        runJob(job, "mock:completed");

        assertThat(storedScenes()).extracting(SceneWork::index).containsExactly(1);
        // scene 1 continues the stored scene 0, not the last piece in the sheet (scene 2)
        assertThat(continued).containsExactly("fake://piece-0");
        assertThat(paramsSeen).extracting(io.scenescore.job.AudioParams::seed).containsExactly(11L);
        io.scenescore.run.Run run = getMockEndpoint("mock:completed").getReceivedExchanges().get(0).getProperty("run", io.scenescore.run.Run.class);
        assertThat(run.sheet().segments()).extracting(io.scenescore.run.SceneSegment::index).containsExactly(0, 1, 2);
        assertThat(run.plan().regenerated()).containsExactly(1);
        assertThat(run.version()).isEqualTo(1);
    }

    private static java.util.Map<String, Object> stored(int index) {
        java.util.Map<String, Object> row = new java.util.HashMap<>();
        row.put("scene_index", index);
        row.put("status", "completed");
        row.put("source", "fake");
        row.put("continuation_url", "fake://piece-" + index);
        row.put("continuation_seconds", 2);
        return row;
    }
}
