package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.scenescore.job.AudioParams;
import io.scenescore.run.LeaseLost;
import io.scenescore.run.Run;
import io.scenescore.run.RunCanceled;
import io.scenescore.run.RunGuard;
import io.scenescore.run.RunPlan;

/** What renewing a run's lease answered, as renew-lease.sql (cancel_requested) or mark-scene-running.sql (a row) gives it. */
class RunGuardTest {

    private final RunGuard guard = new RunGuard();
    private final Run run = new Run(new RunPlan("job-1", List.of(), AudioParams.defaults(), "replicate", Path.of("/w")), "me", 60, 60_000);

    @Test
    void aFailureIsToldInItsOwnWordsThroughCamelsWrappersButNotALibrarysInternals() {
        // as a route's throwException makes it: constructed in Camel's code
        Exception ours = new io.scenescore.run.MusicSourceFailure("prediction p1 failed: CUDA out of memory");
        ours.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.apache.camel.processor.ThrowExceptionProcessor", "process", null, 1)});
        assertThat(guard.reason(new org.apache.camel.RuntimeCamelException(new org.apache.camel.CamelExchangeException("Multicast processing failed", null, ours))))
                .isEqualTo("prediction p1 failed: CUDA out of memory");
        assertThat(guard.reason(new java.net.ConnectException("Connect to http://replicate.test failed: Connection refused")))
                .as("an input/output fault says what failed").isEqualTo("Connect to http://replicate.test failed: Connection refused");

        String unexpected = "an unexpected failure (the details are in the log)";
        assertThat(guard.reason(new org.apache.camel.RuntimeCamelException("Cannot reset stream from file /tmp/camel/cos1.tmp")))
                .as("Camel's own words").isEqualTo(unexpected);
        IllegalStateException library = new IllegalStateException("Run is not allowed");
        library.setStackTrace(new StackTraceElement[] {new StackTraceElement("org.apache.camel.processor.Delay", "run", null, 1)});
        assertThat(guard.reason(library)).as("a library's").isEqualTo(unexpected);
        String nothing = null;
        assertThat(guard.reason(catching(() -> nothing.length()))).as("a null the JVM met in our code").isEqualTo(unexpected);
        assertThat(guard.reason(new IllegalArgumentException("the storyboard has no scenes"))).as("written here").isEqualTo("the storyboard has no scenes");
        assertThat(guard.reason(new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("/data/work/j1/scene-000.wav"))))
                .isEqualTo("no such file: /data/work/j1/scene-000.wav");
    }

    private static Throwable catching(Runnable r) {
        try {
            r.run();
            throw new AssertionError("did not fail");
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void aRenewalWithoutCancelGoesOn() {
        assertThatCode(() -> guard.held(run, false)).doesNotThrowAnyException();
        assertThatCode(() -> guard.held(run, Map.of("cancel_requested", false, "interrupted", true))).doesNotThrowAnyException();
    }

    @Test
    void aCancelStopsTheRunWhicheverStatementRenewed() {
        assertThatThrownBy(() -> guard.held(run, true)).isInstanceOf(RunCanceled.class);
        assertThatThrownBy(() -> guard.held(run, Map.of("cancel_requested", true, "interrupted", false))).isInstanceOf(RunCanceled.class);
    }

    @Test
    void aRunHeldIsHeldJustNowAndOneThatWasNotIsNot() throws Exception {
        assertThat(run.heldJustNow()).isFalse();
        assertThatThrownBy(() -> guard.held(run, true)).isInstanceOf(RunCanceled.class);
        assertThat(run.heldJustNow()).isFalse();

        guard.held(run, false);
        assertThat(run.heldJustNow()).isTrue();
    }

    @Test
    void noRowRenewedMeansAnotherInstanceHasTheRun() {
        assertThatThrownBy(() -> guard.held(run, null)).isInstanceOf(LeaseLost.class).hasMessageContaining("job-1");
        Map<String, Object> noLease = new HashMap<>();
        noLease.put("cancel_requested", null);
        assertThatThrownBy(() -> guard.held(run, noLease)).isInstanceOf(LeaseLost.class);
    }
}
