package io.scenescore.run;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Carries each finished scene to the next one in the sequential split over scenes: the piece a scene made
 * (a {@link SceneSegment} body) goes into the run's {@link ScoreSheet}, where the next scene finds the
 * audio and continuation it continues from. A failed scene stops the carry and fails the split.
 */
public final class ContinuationAggregationStrategy implements AggregationStrategy {

    public static final String RUN = "run";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (newExchange.getException() != null) {
            return newExchange;
        }
        SceneSegment segment = newExchange.getMessage().getBody(SceneSegment.class);
        Run run = newExchange.getProperty(RUN, Run.class);
        if (segment == null || run == null) {
            newExchange.setException(new IllegalStateException(
                    "a scene ended without a segment or run; the split cannot carry it on"));
            return newExchange;
        }
        run.sheet().add(segment);
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        result.getMessage().setBody(run.sheet());
        return result;
    }
}
