package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.scenescore.job.AudioParams;
import io.scenescore.job.AudioParamsReader;
import io.scenescore.job.FieldError;
import io.scenescore.job.Loudness;
import io.scenescore.job.Scene;

/** audio_params: the contract's defaults, one error per wrong field, and the fade checked against the scenes. */
class AudioParamsReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AudioParams DEFAULTS =
            new AudioParams(null, 1.0, "crossfade", "trim", false, "continue_with_silence", "stereo-large", "mp3", null, Loudness.STREAMING,
                    null, 15.0, -12.0, "chain");

    private final List<FieldError> errors = new ArrayList<>();

    private AudioParams read(String params) {
        try {
            return AudioParamsReader.read(JSON.readTree(params), errors);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scene scene(int index, double duration) {
        return new Scene(index, null, "scene " + index, duration, null, null, null, null);
    }

    private static AudioParams withFade(double fade) {
        AudioParams d = AudioParams.defaults();
        return new AudioParams(d.prompt(), fade, d.transition(), d.syncMode(), d.mergeWithVideo(), d.errorStrategy(),
                d.modelVersion(), d.outputFormat(), d.seed(), d.loudness(), d.mix(), d.duckDb(), d.musicGainDb(), d.continuity());
    }

    @Test
    void theDefaultsAreTheContractsDefaults() {
        assertThat(AudioParams.defaults()).isEqualTo(DEFAULTS);
    }

    @Test
    void absentParamsGiveTheDefaults() {
        assertThat(AudioParamsReader.read(null, errors)).isEqualTo(DEFAULTS);
        assertThat(AudioParamsReader.read(NullNode.getInstance(), errors)).isEqualTo(DEFAULTS);
        assertThat(AudioParamsReader.read(MissingNode.getInstance(), errors)).isEqualTo(DEFAULTS);
        assertThat(read("{}")).isEqualTo(DEFAULTS);
        assertThat(read("{\"seed\": null, \"transition\": null, \"fade_duration\": null}")).isEqualTo(DEFAULTS);
        assertThat(errors).isEmpty();
    }

    @Test
    void everyGivenFieldIsRead() {
        AudioParams params = read("""
                {"prompt": "warm synths", "fade_duration": 2.5, "transition": "crossfade", "sync_mode": "stretch",
                 "merge_with_video": true, "error_strategy": "halt", "model_version": "melody-large",
                 "output_format": "wav", "seed": 42, "continuity": "independent"}""");

        assertThat(errors).isEmpty();
        assertThat(params).isEqualTo(new AudioParams("warm synths", 2.5, "crossfade", "stretch", true, "halt",
                "melody-large", "wav", 42L, Loudness.STREAMING, null, 15.0, -12.0, "independent"));
        assertThat(params.independent()).isTrue();
    }

    @Test
    void paramsThatAreNotAnObjectAreRefused() {
        assertThat(read("[]")).isEqualTo(DEFAULTS);

        assertThat(errors).containsExactly(new FieldError("audio_params", "must be an object"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"transition", "sync_mode", "error_strategy", "model_version", "output_format", "mix", "continuity"})
    void aChoiceFieldRefusesAnUnknownValueNamingTheField(String field) {
        AudioParams params = read("{\"" + field + "\": \"bogus\"}");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("audio_params." + field);
            assertThat(e.message()).startsWith("must be one of ").endsWith("; got \"bogus\"");
        });
        assertThat(params).isEqualTo(DEFAULTS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"transition", "sync_mode", "error_strategy", "model_version", "output_format"})
    void aChoiceFieldRefusesANonTextValue(String field) {
        read("{\"" + field + "\": 1}");

        assertThat(errors).extracting(FieldError::field).containsExactly("audio_params." + field);
    }

    @Test
    void theRefusalListsTheAllowedChoices() {
        read("{\"output_format\": \"flac\"}");

        assertThat(errors).containsExactly(
                new FieldError("audio_params.output_format", "must be one of mp3, wav; got \"flac\""));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "transition, fade", "transition, crossfade",
            "sync_mode, trim", "sync_mode, stretch", "sync_mode, compress",
            "error_strategy, continue_with_silence", "error_strategy, halt",
            "model_version, stereo-large", "model_version, stereo-melody-large", "model_version, melody-large",
            "model_version, large",
            "output_format, mp3", "output_format, wav",
            "mix, duck", "mix, blend", "mix, replace"})
    void everyAllowedChoiceIsAccepted(String field, String value) {
        AudioParams params = read("{\"" + field + "\": \"" + value + "\"}");

        assertThat(errors).isEmpty();
        String read = switch (field) {
            case "transition" -> params.transition();
            case "sync_mode" -> params.syncMode();
            case "error_strategy" -> params.errorStrategy();
            case "model_version" -> params.modelVersion();
            case "mix" -> params.mix();
            default -> params.outputFormat();
        };
        assertThat(read).isEqualTo(value);
    }

    @ParameterizedTest(name = "fade {0}")
    @ValueSource(doubles = {0, 0.25, 10})
    void aFadeFrom0To10SecondsIsAccepted(double fade) {
        assertThat(read("{\"fade_duration\": " + fade + "}").fadeDuration()).isEqualTo(fade);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "fade {0}")
    @ValueSource(strings = {"-0.1", "10.001", "11", "\"2\"", "false"})
    void aFadeOutside0To10SecondsOrNotANumberIsRefused(String fade) {
        AudioParams params = read("{\"fade_duration\": " + fade + "}");

        assertThat(errors).extracting(FieldError::field).containsExactly("audio_params.fade_duration");
        assertThat(params.fadeDuration()).isEqualTo(AudioParams.DEFAULT_FADE);
    }

    @Test
    void anIntegralSeedIsRead() {
        assertThat(read("{\"seed\": 42}").seed()).isEqualTo(42L);
        assertThat(read("{\"seed\": -7}").seed()).isEqualTo(-7L);
        assertThat(read("{\"seed\": 9223372036854775807}").seed()).isEqualTo(Long.MAX_VALUE);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(strings = {"4.5", "\"42\"", "true", "9223372036854775808"})
    void aSeedThatIsNotALongIntegerIsRefused(String seed) {
        AudioParams params = read("{\"seed\": " + seed + "}");

        assertThat(errors).containsExactly(new FieldError("audio_params.seed", "must be an integer"));
        assertThat(params.seed()).isNull();
    }

    @Test
    void mergeWithVideoMustBeABoolean() {
        read("{\"merge_with_video\": \"yes\"}");

        assertThat(errors).containsExactly(new FieldError("audio_params.merge_with_video", "must be true or false"));
    }

    @Test
    void aPromptMustBeAStringOfAtMost2000Characters() {
        assertThat(read("{\"prompt\": \"" + "p".repeat(2000) + "\"}").prompt()).hasSize(2000);
        assertThat(errors).isEmpty();

        read("{\"prompt\": 3}");
        read("{\"prompt\": \"" + "p".repeat(2001) + "\"}");

        assertThat(errors).containsExactly(
                new FieldError("audio_params.prompt", "must be a string"),
                new FieldError("audio_params.prompt", "is 2001 characters long; the limit is 2000"));
    }

    @Test
    void unknownKeysAreRefusedOneByOneListingTheKnownOnes() {
        read("{\"fade\": 2, \"fade_duration\": 2, \"sed\": 1}");

        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("audio_params.fade", "audio_params.sed");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).isEqualTo("is not a known parameter; known: "
                + "continuity, duck_db, error_strategy, fade_duration, loudness, merge_with_video, mix, model_version, music_gain_db, "
                + "output_format, prompt, seed, sync_mode, transition"));
    }

    @Test
    void theTransitionIsCrossfadeUnlessFadeIsAskedFor() {
        assertThat(read("{}").transition()).isEqualTo("crossfade");
        assertThat(read("{\"transition\": \"fade\"}").transition()).isEqualTo("fade");
        assertThat(errors).isEmpty();
    }

    @Test
    void theMixIsChosenFromTheVideoUnlessAskedFor() {
        AudioParams unset = read("{}");
        assertThat(unset.mix()).isNull();
        assertThat(unset.mixFor(true)).isEqualTo("duck");
        assertThat(unset.mixFor(false)).isEqualTo("replace");
        assertThat(read("{\"mix\": \"blend\"}").mixFor(true)).isEqualTo("blend");
        assertThat(read("{\"mix\": \"duck\"}").mixFor(false)).as("a video without sound").isEqualTo("replace");
        assertThat(read("{\"mix\": \"replace\"}").mixFor(true)).isEqualTo("replace");
        assertThat(errors).isEmpty();
    }

    @Test
    void anUnknownMixIsRefusedNamingTheChoices() {
        read("{\"mix\": \"overlay\"}");

        assertThat(errors).containsExactly(new FieldError("audio_params.mix", "must be one of blend, duck, replace; got \"overlay\""));
    }

    @Test
    void duckDbAndMusicGainDbAreReadWithinTheirRanges() {
        AudioParams params = read("{\"duck_db\": 12, \"music_gain_db\": -40}");
        assertThat(params.duckDecibels()).isEqualTo(12);
        assertThat(params.musicGainDecibels()).isEqualTo(-40);
        assertThat(read("{\"duck_db\": 40, \"music_gain_db\": 0}").duckDecibels()).isEqualTo(40);
        assertThat(errors).isEmpty();
        assertThat(read("{}").duckDecibels()).isEqualTo(15);
        assertThat(read("{}").musicGainDecibels()).isEqualTo(-12);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"duck_db\": 11.9}|audio_params.duck_db|must be between 12 and 40 dB, got 11.9",
            "{\"duck_db\": 41}|audio_params.duck_db|must be between 12 and 40 dB, got 41",
            "{\"duck_db\": \"15\"}|audio_params.duck_db|must be a number of decibels",
            "{\"music_gain_db\": 3}|audio_params.music_gain_db|must be between -40 and 0 dB, got 3",
            "{\"music_gain_db\": -41}|audio_params.music_gain_db|must be between -40 and 0 dB, got -41"})
    void duckDbAndMusicGainDbOutsideTheirRangesAreRefused(String params, String field, String message) {
        AudioParams read = read(params);

        assertThat(errors).containsExactly(new FieldError(field, message));
        assertThat(read.duckDecibels()).isEqualTo(15);
        assertThat(read.musicGainDecibels()).isEqualTo(-12);
    }

    @Test
    void paramsStoredBeforeTheMixFieldsReadBackWithTheirDefaults() throws Exception {
        AudioParams old = JSON.readValue("""
                {"prompt": null, "fade_duration": 1.0, "transition": "fade", "sync_mode": "trim", "merge_with_video": true,
                 "error_strategy": "halt", "model_version": "large", "output_format": "mp3", "seed": null}""", AudioParams.class);

        assertThat(old.mix()).isNull();
        assertThat(old.duckDecibels()).isEqualTo(15);
        assertThat(old.musicGainDecibels()).isEqualTo(-12);
        assertThat(old.transition()).as("a stored run keeps its transition").isEqualTo("fade");
    }

    @Test
    void severalWrongFieldsAreAllReported() {
        read("{\"fade_duration\": 20, \"seed\": 1.5, \"sync_mode\": \"warp\", \"output_format\": \"ogg\"}");

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "audio_params.fade_duration", "audio_params.seed", "audio_params.sync_mode", "audio_params.output_format");
    }

    @Test
    void aFadeOfExactlyHalfTheShortestSceneIsAccepted() {
        AudioParamsReader.checkAgainst(withFade(2.0), List.of(scene(0, 10), scene(1, 4), scene(2, 6)), errors);

        assertThat(errors).isEmpty();
    }

    @Test
    void aFadeLongerThanHalfTheShortestSceneIsRefused() {
        AudioParamsReader.checkAgainst(withFade(2.01), List.of(scene(0, 10), scene(1, 4), scene(2, 6)), errors);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("audio_params.fade_duration");
            assertThat(e.message()).contains("4.0 s").contains("at most 2.0 s").endsWith("got 2.01");
        });
    }

    @Test
    void aSingleSceneHasNoJoinSoAnyFadeIsAccepted() {
        AudioParamsReader.checkAgainst(withFade(10), List.of(scene(0, 1)), errors);
        AudioParamsReader.checkAgainst(withFade(10), List.of(), errors);

        assertThat(errors).isEmpty();
    }

    @Test
    void loudnessIsStreamingByDefaultAndTakesPresetsOrTargets() {
        assertThat(read("{}").loudnessTarget()).isEqualTo(Loudness.STREAMING);
        assertThat(read("{\"loudness\": \"broadcast\"}").loudnessTarget()).isEqualTo(new Loudness("broadcast", -23.0, -1.0));
        assertThat(read("{\"loudness\": \"none\"}").loudnessTarget().applies()).isFalse();
        assertThat(read("{\"loudness\": {\"integrated\": -16, \"true_peak\": -1.5}}").loudnessTarget())
                .isEqualTo(new Loudness("custom", -16.0, -1.5));
        assertThat(errors).isEmpty();
    }

    @Test
    void aLoudnessOutOfRangeOrUnknownIsRefusedNamingTheField() {
        read("{\"loudness\": \"loud\"}");
        read("{\"loudness\": {\"integrated\": -90, \"true_peak\": 2, \"lra\": 7}}");
        read("{\"loudness\": {\"integrated\": \"-16\"}}");

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("audio_params.loudness",
                "audio_params.loudness.lra", "audio_params.loudness.integrated", "audio_params.loudness.true_peak",
                "audio_params.loudness.integrated", "audio_params.loudness.true_peak");
        assertThat(errors).extracting(FieldError::message).anySatisfy(m -> assertThat(m).isEqualTo("must be between -70 and -5 LUFS, got -90"));
    }
}
