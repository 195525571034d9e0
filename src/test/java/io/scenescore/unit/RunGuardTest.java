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
