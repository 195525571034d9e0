package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.scenescore.media.AtempoChain;

/** A tempo change of any ratio from 0.25 to 4 as atempo steps that each stay between 0.5 and 2. */
class AtempoChainTest {

    @ParameterizedTest(name = "{0}x in {1} step(s)")
    @CsvSource({"0.25, 2", "0.3, 2", "0.5, 1", "0.75, 1", "1.5, 1", "2, 1", "2.5, 2", "3, 2", "4, 2", "8, 3"})
    void stepsMultiplyToTheRatioAndStayInTheRangeThatSoundsBest(double ratio, int steps) {
        List<String> chain = AtempoChain.of(ratio);

        assertThat(chain).hasSize(steps).allSatisfy(step -> assertThat(step).startsWith("atempo="));
        double product = 1;
        for (String step : chain) {
            double factor = Double.parseDouble(step.substring("atempo=".length()));
            assertThat(factor).isBetween(0.5, 2.0);
            product *= factor;
        }
        assertThat(product).isCloseTo(ratio, within(1e-6));
    }

    @Test
    void noChangeNeedsNoFilter() {
        assertThat(AtempoChain.of(1.0)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void aRatioMustBePositive(double ratio) {
        assertThatThrownBy(() -> AtempoChain.of(ratio)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStretchRangeIsAQuarterToFourTimes() {
        assertThat(AtempoChain.inRange(0.25)).isTrue();
        assertThat(AtempoChain.inRange(4)).isTrue();
        assertThat(AtempoChain.inRange(0.249)).isFalse();
        assertThat(AtempoChain.inRange(4.01)).isFalse();
    }
}
