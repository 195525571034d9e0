package io.scenescore.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TempoMapTest {

    @Test
    void steadyTempoConvertsBeatsToSecondsLinearly() {
        TempoMap tempo = TempoMap.steady(120);

        assertThat(tempo.secondsAt(8)).isEqualTo(4.0);
        assertThat(tempo.beatAt(4.0)).isEqualTo(8.0);
    }

    @Test
    void rampMovesTempoGraduallyAndThenHoldsIt() {
        TempoMap tempo = new TempoMap(60, 120, 8);

        assertThat(tempo.bpmAt(0)).isEqualTo(60);
        assertThat(tempo.bpmAt(4)).isEqualTo(90);
        assertThat(tempo.bpmAt(8)).isEqualTo(120);
        assertThat(tempo.bpmAt(20)).isEqualTo(120);
        // eight beats accelerating from 60 to 120 take between 4 and 8 seconds
        assertThat(tempo.secondsAt(8)).isBetween(4.0, 8.0);
        assertThat(tempo.secondsAt(12) - tempo.secondsAt(8)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void beatAtIsTheInverseOfSecondsAtAcrossTheRamp() {
        TempoMap tempo = new TempoMap(140, 90, 8);

        for (double beat = 0; beat < 20; beat += 0.37) {
            assertThat(tempo.beatAt(tempo.secondsAt(beat))).isCloseTo(beat, within(1e-9));
        }
    }
}
