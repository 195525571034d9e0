package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;

/**
 * The run's meters (routes/run.camel.yaml: count-run-started, count-run-completed/-failed, the scene timer): a run
 * counts once when it starts and once when it ends, under its outcome and music source, and each stored scene is
 * timed under the source that made it.
 */
class RunMetricsRouteTest extends RunRoutesTestSupport {

    static final String JOB = "7b0c1e9e-0000-4000-8000-00000000000a";

    @Override
    String provider() {
        return "fake";
    }

    double count(String name, String... tags) {
        Counter c = meters.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    long timed(String name, String... tags) {
        Timer t = meters.find(name).tags(tags).timer();
        return t == null ? 0 : t.count();
    }

    @Test
    void aCompletedRunCountsItsStartItsEndAndEachSceneBySource() throws Exception {
        runJob(job(JOB, "{\"error_strategy\": \"continue_with_silence\"}", "dawn", "fails", "dusk"), "mock:completed");

        assertThat(count("scenescore.runs.started", "source", "fake")).isEqualTo(1);
        assertThat(count("scenescore.runs.ended", "outcome", "completed", "source", "fake")).isEqualTo(1);
        assertThat(count("scenescore.runs.ended", "outcome", "failed")).isZero();
        assertThat(timed("scenescore.run.duration", "outcome", "completed", "source", "fake")).isEqualTo(1);
        assertThat(timed("scenescore.scene.duration", "source", "fake")).isEqualTo(2);
        assertThat(timed("scenescore.scene.duration", "source", "silence")).isEqualTo(1);
    }

    @Test
    void aRunThatHaltsCountsAsFailedAndOnlyItsStoredScenesAreTimed() throws Exception {
        runJob(job(JOB, "{\"error_strategy\": \"halt\"}", "dawn", "fails", "dusk"), "mock:failed");

        assertThat(count("scenescore.runs.started", "source", "fake")).isEqualTo(1);
        assertThat(count("scenescore.runs.ended", "outcome", "failed", "source", "fake")).isEqualTo(1);
        assertThat(count("scenescore.runs.ended", "outcome", "completed")).isZero();
        assertThat(timed("scenescore.scene.duration")).isEqualTo(1);
    }
}
