package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.scenescore.job.AudioParams;
import io.scenescore.run.ContinuationAggregationStrategy;
import io.scenescore.run.Run;
import io.scenescore.run.RunPlan;
import io.scenescore.run.SceneSegment;
import io.scenescore.run.ScoreSheet;

/** The split's strategy writes each scene's segment into the run's score sheet, in order, and stops on failure. */
class ContinuationAggregationStrategyTest {

    private final CamelContext context = new DefaultCamelContext();
    private final Run run = new Run(new RunPlan("job", List.of(), AudioParams.defaults(), "replicate", Path.of("/w")), "me", 60, 50);
    private final ScoreSheet sheet = run.sheet();
    private final ContinuationAggregationStrategy strategy = new ContinuationAggregationStrategy();

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    private static SceneSegment segment(int index) {
        return new SceneSegment(index, Path.of("/w/scene-00" + index + ".flac"), 2.0 + index, "replicate",
                "https://replicate.delivery/piece-" + index + ".wav", 30, null, false);
    }

    /** A scene's exchange as the split hands it over: the segment as body, the run as property. */
    private Exchange sceneExchange(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(ContinuationAggregationStrategy.RUN, run);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    @Test
    void theFirstSceneRecordsItsSegmentAndBecomesTheResult() {
        Exchange first = sceneExchange(segment(0));

        Exchange result = strategy.aggregate(null, first);

        assertThat(result).isSameAs(first);
        assertThat(result.getException()).isNull();
        assertThat(sheet.segments()).containsExactly(segment(0));
        assertThat(result.getMessage().getBody()).isSameAs(sheet);
    }

    @Test
    void laterScenesAppendInOrderAndKeepTheFirstResult() {
        Exchange result = strategy.aggregate(null, sceneExchange(segment(0)));

        Exchange second = strategy.aggregate(result, sceneExchange(segment(1)));
        Exchange third = strategy.aggregate(second, sceneExchange(segment(2)));

        assertThat(second).isSameAs(result);
        assertThat(third).isSameAs(result);
        assertThat(result.getMessage().getBody()).isSameAs(sheet);
        assertThat(sheet.segments()).containsExactly(segment(0), segment(1), segment(2));
    }

    @Test
    void theNextSceneFindsTheLastPieceToContinue() {
        Exchange result = strategy.aggregate(null, sceneExchange(segment(0)));
        assertThat(sheet.previousUrl(1)).isEqualTo("https://replicate.delivery/piece-0.wav");

        strategy.aggregate(result, sceneExchange(segment(1)));

        assertThat(sheet.previous(2)).contains(segment(1));
        assertThat(sheet.previousUrl(2)).isEqualTo("https://replicate.delivery/piece-1.wav");
    }

    @Test
    void aFailedSceneIsReturnedAsIsAndLeavesTheSheetUnchanged() {
        Exchange result = strategy.aggregate(null, sceneExchange(segment(0)));
        Exchange failed = sceneExchange(segment(1));
        IllegalStateException failure = new IllegalStateException("scene 1: the music source failed");
        failed.setException(failure);

        Exchange returned = strategy.aggregate(result, failed);

        assertThat(returned).isSameAs(failed);
        assertThat(returned.getException()).isSameAs(failure);
        assertThat(returned.getMessage().getBody()).isEqualTo(segment(1));
        assertThat(sheet.segments()).containsExactly(segment(0));
    }

    @Test
    void aFailedFirstSceneIsReturnedAsIsWithNothingRecorded() {
        Exchange failed = sceneExchange(segment(0));
        failed.setException(new IllegalStateException("boom"));

        assertThat(strategy.aggregate(null, failed)).isSameAs(failed);
        assertThat(sheet.segments()).isEmpty();
    }

    @Test
    void aSceneWithoutASegmentFailsTheSplit() {
        Exchange result = strategy.aggregate(null, sceneExchange(segment(0)));
        Exchange empty = sceneExchange(null);

        Exchange returned = strategy.aggregate(result, empty);

        assertThat(returned).isSameAs(empty);
        assertThat(returned.getException()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a segment");
        assertThat(sheet.segments()).containsExactly(segment(0));
    }

    @Test
    void aSceneWithoutAScoreSheetFailsTheSplit() {
        Exchange orphan = new DefaultExchange(context);
        orphan.getMessage().setBody(segment(0));

        Exchange returned = strategy.aggregate(null, orphan);

        assertThat(returned).isSameAs(orphan);
        assertThat(returned.getException()).isInstanceOf(IllegalStateException.class);
    }
}
