package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.scenescore.StartupFailure;
import io.scenescore.run.MusicSources;

/** The configured music source wins; otherwise a Replicate token picks Replicate, and nothing picks the composer. */
class MusicSourcesTest {

    @Test
    void theConfiguredSourceWinsOverAToken() {
        assertThat(MusicSources.choose("composer", "r8_token")).isEqualTo("composer");
        assertThat(MusicSources.choose("silence", "r8_token")).isEqualTo("silence");
        assertThat(MusicSources.choose("silence", null)).isEqualTo("silence");
    }

    @Test
    void theConfiguredNameIsTrimmedAndLowerCased() {
        assertThat(MusicSources.choose("  Composer ", null)).isEqualTo("composer");
        assertThat(MusicSources.choose("REPLICATE", "r8_token")).isEqualTo("replicate");
    }

    @ParameterizedTest(name = "token [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void replicateConfiguredWithoutATokenCannotStart(String token) {
        assertThatThrownBy(() -> MusicSources.choose("replicate", token))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("REPLICATE_API_TOKEN");
    }

    @Test
    void aTokenWithNothingConfiguredPicksReplicate() {
        assertThat(MusicSources.choose(null, "r8_token")).isEqualTo("replicate");
        assertThat(MusicSources.choose(" ", "r8_token")).isEqualTo("replicate");
    }

    @ParameterizedTest(name = "token [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void nothingConfiguredAndNoTokenPicksTheComposer(String token) {
        assertThat(MusicSources.choose(null, token)).isEqualTo("composer");
        assertThat(MusicSources.choose("", token)).isEqualTo("composer");
    }

    @Test
    void anUnknownSourceCannotStartAndIsNamed() {
        assertThatThrownBy(() -> MusicSources.choose("suno", "r8_token"))
                .isInstanceOf(StartupFailure.class)
                .hasMessage("SCENESCORE_PROVIDER must be one of replicate, composer, silence; got suno");
    }
}
