package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.scenescore.job.AudioParams;
import io.scenescore.job.JobRequests;

/** The operator's default fade applies where a request gives none, and only there. */
class OperatorDefaultsTest {

    private static final String BODY = "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 4}, {\"description\": \"b\", \"duration\": 4}]}";

    @Test
    void aRequestWithoutAFadeGetsTheOperatorsDefault() throws Exception {
        JobRequests requests = new JobRequests(AudioParams.defaults().withFadeDuration(0.25));

        assertThat(requests.readRun(BODY + "}").params().fadeDuration()).isEqualTo(0.25);
        assertThat(requests.readRun(BODY + ", \"audio_params\": {\"fade_duration\": 1.5}}").params().fadeDuration()).isEqualTo(1.5);
    }

    @Test
    void withoutAnOperatorDefaultTheContractsOneSecondApplies() throws Exception {
        assertThat(new JobRequests().readRun(BODY + "}").params().fadeDuration()).isEqualTo(1.0);
    }

    @Test
    void aDefaultFadeOutsideZeroToTenSecondsIsRefused() {
        assertThatThrownBy(() -> AudioParams.defaults().withFadeDuration(12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 10");
    }
}
