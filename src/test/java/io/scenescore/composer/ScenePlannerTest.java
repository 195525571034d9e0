package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScenePlannerTest {

    private final ScenePlanner planner = new ScenePlanner();

    private static MoodProfile mood(boolean minor, double energy, Feeling feeling) {
        return new MoodProfile(minor, energy, feeling, MusicStyle.CINEMATIC, MoodMapper.tempoFor(energy, feeling));
    }

    @Test
    void firstSceneTakesTheMoodsModeAndTempoAndInventsAMotif() {
        MoodProfile tense = mood(true, 0.9, Feeling.TENSE);

        ScenePlan plan = planner.plan(tense, null, new Random(1));

        assertThat(plan.minor()).isTrue();
        assertThat(plan.tempoBpm()).isEqualTo(tense.tempoBpm());
        assertThat(plan.startTempoBpm()).isEqualTo(plan.tempoBpm());
        assertThat(plan.motif()).hasSizeBetween(4, 6);
        assertThat(plan.continuation()).isEqualTo(ScenePlan.Continuation.FIRST);
    }

    @Test
    void sameModeAndNearbyTempoKeepsEverythingExactly() {
        MusicalContext previous = new MusicalContext(4, false, 100, List.of(0, 1, 2, 4));
        MoodProfile similar = new MoodProfile(false, 0.45, Feeling.HAPPY, MusicStyle.PIANO, 108);

        ScenePlan plan = planner.plan(similar, previous, new Random(1));

        assertThat(plan.context()).isEqualTo(previous);
        assertThat(plan.continuation()).isEqualTo(ScenePlan.Continuation.SAME_MOOD);
    }

    @Test
    void majorToMinorGoesToTheRelativeMinor() {
        MusicalContext previous = new MusicalContext(0, false, 90, List.of(0, 2, 4));

        ScenePlan plan = planner.plan(mood(true, 0.4, Feeling.SAD), previous, new Random(1));

        assertThat(plan.keyRoot()).isEqualTo(9);
        assertThat(plan.minor()).isTrue();
    }

    @Test
    void minorToMajorGoesToTheRelativeMajor() {
        MusicalContext previous = new MusicalContext(9, true, 90, List.of(0, 2, 4));

        ScenePlan plan = planner.plan(mood(false, 0.4, Feeling.HAPPY), previous, new Random(1));

        assertThat(plan.keyRoot()).isEqualTo(0);
        assertThat(plan.minor()).isFalse();
    }

    @Test
    void risingEnergyInTheSameModeMovesUpAFifthAndFallingEnergyUpAFourth() {
        MusicalContext previous = new MusicalContext(2, true, 100, List.of(0, 2, 4));

        ScenePlan faster = planner.plan(mood(true, 0.95, Feeling.TENSE), previous, new Random(1));
        ScenePlan slower = planner.plan(mood(true, 0.1, Feeling.SAD), previous, new Random(1));

        assertThat(faster.keyRoot()).isEqualTo(9);
        assertThat(slower.keyRoot()).isEqualTo(7);
    }

    @Test
    void tempoStepsTowardsTheMoodAtMostByTheMaximumRatioAndRampsFromThePreviousTempo() {
        MusicalContext previous = new MusicalContext(0, false, 60, List.of(0, 2, 4));

        ScenePlan plan = planner.plan(mood(true, 1.0, Feeling.TENSE), previous, new Random(1));

        assertThat(plan.startTempoBpm()).isEqualTo(60);
        assertThat(plan.tempoBpm()).isEqualTo(60 * ScenePlanner.MAX_TEMPO_STEP);
        assertThat(plan.continuation()).isEqualTo(ScenePlan.Continuation.MODULATED);
    }

    @Test
    void moodChangeBringsBackTheMotifVariedButOfTheSameLength() {
        List<Integer> motif = List.of(0, 1, 2, 4, 2);
        MusicalContext previous = new MusicalContext(0, false, 80, motif);

        ScenePlan plan = planner.plan(mood(true, 0.9, Feeling.TENSE), previous, new Random(3));

        assertThat(plan.motif()).hasSameSizeAs(motif);
    }

    @Test
    void previousWithoutMotifGetsANewOne() {
        MusicalContext previous = new MusicalContext(0, false, 80, null);

        ScenePlan plan = planner.plan(mood(false, 0.2, Feeling.CALM), previous, new Random(3));

        assertThat(plan.motif()).isNotEmpty();
    }
}
