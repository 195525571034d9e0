package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
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

    private List<SceneWork> storedScenes() {
        List<SceneWork> stored = new ArrayList<>();
        for (Exchange e : getMockEndpoint("mock:stored-scenes").getReceivedExchanges()) {
            stored.add(e.getMessage().getBody(SceneWork.class));
        }
        return stored;
    }

    @Test
    void eachSceneContinuesThePieceBeforeItInStoryboardOrder() throws Exception {
        adviseRun(job(JOB, "{\"error_strategy\": \"continue_with_silence\"}", "dawn", "noon", "dusk"));
        context.start();
        getMockEndpoint("mock:completed").expectedMessageCount(1);

        template.sendBody("direct:run", java.util.Map.of("id", JOB));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(continued).containsExactly(null, "fake://piece-0", "fake://piece-1");
        assertThat(storedScenes()).extracting(SceneWork::index).containsExactly(0, 1, 2);
        assertThat(storedScenes()).extracting(SceneWork::status).containsOnly("completed");
        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isZero();
    }

    @Test
    void aFailedSceneBecomesSilenceAndTheNextStartsAfresh() throws Exception {
        adviseRun(job(JOB, "{\"error_strategy\": \"continue_with_silence\"}", "dawn", "fails", "dusk"));
        context.start();
        getMockEndpoint("mock:completed").expectedMessageCount(1);

        template.sendBody("direct:run", java.util.Map.of("id", JOB));

        MockEndpoint.assertIsSatisfied(context);
        SceneWork silent = storedScenes().get(1);
        assertThat(silent.status()).isEqualTo("silence");
        assertThat(silent.source()).isEqualTo("silence");
        assertThat(silent.error()).isEqualTo("the fake source failed scene 1");
        // nothing of a silent scene is continued
        assertThat(continued).containsExactly(null, "fake://piece-0", null);
    }

    @Test
    void aFailedSceneFailsTheRunWhenItHalts() throws Exception {
        adviseRun(job(JOB, "{\"error_strategy\": \"halt\"}", "dawn", "fails", "dusk"));
        context.start();
        getMockEndpoint("mock:failed").expectedMessageCount(1);
        getMockEndpoint("mock:completed").expectedMessageCount(0);

        template.sendBody("direct:run", java.util.Map.of("id", JOB));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(storedScenes()).extracting(SceneWork::index).containsExactly(0);
        assertThat(continued).hasSize(2);
        assertThat(hookCalls).last().asString().startsWith("on-run-failed|" + JOB + "|");
    }

    @Test
    void hooksGetTheStatusDocumentAsJsonTextWithTheJobIdHeader() throws Exception {
        adviseRun(job(JOB, "{}", "dawn", "noon"));
        context.start();
        getMockEndpoint("mock:completed").expectedMessageCount(1);

        template.sendBody("direct:run", java.util.Map.of("id", JOB));

        MockEndpoint.assertIsSatisfied(context);
        String document = "{\"job_id\": \"" + JOB + "\"}";
        assertThat(hookCalls).containsExactly(
                "on-scene-completed|" + JOB + "|" + document,
                "on-scene-completed|" + JOB + "|" + document,
                "on-run-completed|" + JOB + "|" + document);
    }

    @Test
    void aHookThatFailsNeverFailsTheRun() throws Exception {
        adviseRun(job(JOB, "{}", "dawn", "noon"));
        advise("on-scene-completed", a -> a.weaveAddLast().throwException(new IllegalStateException("chat is down")));
        advise("on-run-completed", a -> a.weaveAddLast().throwException(new IllegalStateException("folder is gone")));
        context.start();
        getMockEndpoint("mock:completed").expectedMessageCount(1);
        getMockEndpoint("mock:stored-scenes").expectedMessageCount(2);

        template.sendBody("direct:run", java.util.Map.of("id", JOB));

        MockEndpoint.assertIsSatisfied(context);
        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isZero();
        assertThat(storedScenes()).extracting(SceneWork::status).containsOnly("completed");
    }
}
