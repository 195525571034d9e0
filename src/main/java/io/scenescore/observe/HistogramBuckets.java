package io.scenescore.observe;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets (Prometheus {@code _bucket} series, for {@code histogram_quantile}) for our timers, each with
 * bounds that fit what it times: a scene takes seconds to minutes, a run minutes, an HTTP answer milliseconds.
 */
public final class HistogramBuckets implements MeterFilter {

    private static final Map<String, double[]> SECONDS = Map.of(
            "scenescore.scene.duration", new double[] {1, 2, 5, 10, 20, 30, 60, 120, 300, 600},
            "scenescore.run.duration", new double[] {5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200},
            "scenescore.replicate.requests", new double[] {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60},
            "scenescore.ffmpeg", new double[] {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300},
            "scenescore.http.requests", new double[] {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10});

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        double[] bounds = SECONDS.get(id.getName());
        if (bounds == null || id.getType() != Meter.Type.TIMER) {
            return config;
        }
        double[] nanos = new double[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            nanos[i] = Duration.ofMillis(Math.round(bounds[i] * 1000)).toNanos();
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
    }
}
