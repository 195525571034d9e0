package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoodMapperTest {

    private final MoodMapper mapper = new MoodMapper();

    private MoodProfile map(String description, String musicDescription, String style, String energy) {
        return mapper.map(null, description, musicDescription, style, energy, null);
    }

    @ParameterizedTest
    @CsvSource({
        "a dark and tense standoff, true",
        "sad rainy goodbye at the station, true",
        "a mysterious figure in the fog, true",
        "happy children playing in the sun, false",
        "bright triumphant parade, false",
        "sunrise over the hills, false",
    })
    void moodWordsChooseTheMode(String description, boolean minor) {
        assertThat(map(description, null, null, null).minor()).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource({
        "low, 0.2",
        "medium, 0.5",
        "high, 0.85",
        "Very High, 0.95",
        "very low, 0.1",
        "0.7, 0.7",
        "8, 0.8",
    })
    void musicEnergyFieldSetsTheBaseEnergy(String field, double energy) {
        assertThat(MoodMapper.parseEnergy(field)).isEqualTo(energy);
    }

    @Test
    void unreadableEnergyFieldIsIgnored() {
        assertThat(MoodMapper.parseEnergy("purple")).isNull();
        assertThat(MoodMapper.parseEnergy(null)).isNull();
        assertThat(MoodMapper.parseEnergy("  ")).isNull();
    }

    @Test
    void actionWordsRaiseEnergyAndTempoAndCalmWordsLowerThem() {
        MoodProfile neutral = map("a street", null, null, "medium");
        MoodProfile chase = map("an action chase, fast and intense", null, null, "medium");
        MoodProfile calm = map("calm and peaceful, a gentle breeze", null, null, "medium");

        assertThat(chase.energy()).isGreaterThan(neutral.energy());
        assertThat(calm.energy()).isLessThan(neutral.energy());
        assertThat(chase.tempoBpm()).isGreaterThan(neutral.tempoBpm());
        assertThat(calm.tempoBpm()).isLessThan(neutral.tempoBpm());
    }

    @Test
    void explicitEnergyLimitsHowFarWordsMoveIt() {
        MoodProfile low = map("action chase fight battle explosion frantic", null, null, "low");

        assertThat(low.energy()).isLessThanOrEqualTo(0.2 + 0.2 + 1e-9);
    }

    @Test
    void energyDrivesTempoFromSlowToFast() {
        assertThat(MoodMapper.tempoFor(0.05, Feeling.CALM)).isEqualTo(59);
        assertThat(MoodMapper.tempoFor(0.5, Feeling.NEUTRAL)).isEqualTo(108);
        assertThat(MoodMapper.tempoFor(1.0, Feeling.TENSE)).isEqualTo(161);
        assertThat(MoodMapper.tempoFor(0.0, Feeling.SAD)).isEqualTo(54);
    }

    @ParameterizedTest
    @CsvSource({
        "cinematic, CINEMATIC",
        "solo piano, PIANO",
        "synthwave electronic, ELECTRONIC",
        "orchestral, ORCHESTRAL",
        "smoky jazz, JAZZ",
        "jazz piano trio, JAZZ",
        "ambient, AMBIENT",
        "acoustic folk, ACOUSTIC",
        "hard rock, ROCK",
    })
    void styleWordsChooseTheInstrumentFamily(String style, MusicStyle expected) {
        assertThat(map("a scene", null, style, null).style()).isEqualTo(expected);
    }

    @Test
    void styleFieldWinsOverTheDescriptionAndAmbiguousDescriptionWordsAreIgnored() {
        assertThat(map("a pianist in a jazz club", null, "electronic", null).style()).isEqualTo(MusicStyle.ELECTRONIC);
        assertThat(map("a lonely house in the country", null, null, null).style()).isEqualTo(MusicStyle.CINEMATIC);
        assertThat(map("a pianist alone on stage", null, null, null).style()).isEqualTo(MusicStyle.PIANO);
    }

    @ParameterizedTest
    @CsvSource({
        "a tense chase through the alleys, TENSE",
        "grief at the funeral, SAD",
        "the mysterious cave, MYSTERIOUS",
        "triumphant return of the heroes, TRIUMPHANT",
        "playful and happy picnic, HAPPY",
        "a tender kiss, ROMANTIC",
        "calm and quiet lake, CALM",
        "a table and a chair, NEUTRAL",
    })
    void strongestFeelingWins(String description, Feeling feeling) {
        assertThat(map(description, null, null, null).feeling()).isEqualTo(feeling);
    }

    @Test
    void longestStemWinsSoRainbowIsNotRain() {
        assertThat(map("a rainbow", null, null, null).feeling()).isEqualTo(Feeling.HAPPY);
        assertThat(map("rain", null, null, null).feeling()).isEqualTo(Feeling.SAD);
    }

    @Test
    void missingFieldsGiveAPleasantDefault() {
        MoodProfile mood = mapper.map(new ComposerScene(0, null, null, null, null, null, null));

        assertThat(mood).isEqualTo(new MoodProfile(false, MoodMapper.DEFAULT_ENERGY, Feeling.NEUTRAL,
                MusicStyle.CINEMATIC, MoodMapper.tempoFor(MoodMapper.DEFAULT_ENERGY, Feeling.NEUTRAL)));
    }

    @Test
    void sceneRecordAndPlainValuesGiveTheSameProfile() {
        ComposerScene scene = new ComposerScene(4, "Finale", "the heroes celebrate", "brass fanfare",
                "orchestral", "high", "epic ending");

        assertThat(mapper.map(scene)).isEqualTo(mapper.map("Finale", "the heroes celebrate", "brass fanfare",
                "orchestral", "high", "epic ending"));
        assertThat(mapper.map(scene).minor()).isFalse();
        assertThat(mapper.map(scene).energy()).isGreaterThan(0.85);
    }
}
