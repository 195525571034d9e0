package io.scenescore;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import io.scenescore.observe.CallMeters;
import io.scenescore.observe.HistogramBuckets;
import io.scenescore.observe.HttpMeters;
import io.scenescore.observe.RunMeters;
import io.scenescore.run.RunSlots;

/**
 * Metrics (/observe/metrics, Prometheus text; camel.metrics.* in application.properties): the one registry that
 * camel-micrometer-prometheus scrapes and the routes' micrometer: endpoints count into, with histogram buckets for
 * our timers; the run meters (routes/run.camel.yaml, routes/observe.camel.yaml), the timing of Replicate and FFmpeg
 * calls, and of every HTTP request.
 */
public class MetricsConfiguration implements CamelConfiguration {

    @PropertyInject("camel.server.port")
    private int port;
    @PropertyInject("scenescore.concurrent-runs")
    private int concurrentRuns;

    /**
     * The registry, with our histogram buckets: bound (SceneScore.newMain) before camel-micrometer-prometheus sets up,
     * which then scrapes this one rather than making its own, and before any meter is registered.
     */
    static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new HistogramBuckets());
        return registry;
    }

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        PrometheusMeterRegistry registry = camelContext.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, PrometheusMeterRegistry.class);
        if (registry == null) {
            throw new IllegalStateException("no meter registry is bound: SceneScore.newMain binds it before Camel starts");
        }
        camelContext.getRegistry().bind("runMeters", new RunMeters(registry, Wiring.bound(camelContext, "runSlots", RunSlots.class), concurrentRuns));
        camelContext.getManagementStrategy().addEventNotifier(new CallMeters(registry));
        HttpMeters http = new HttpMeters(registry);
        // on the HTTP server's router, which exists once the server is started
        camelContext.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
                if (router == null) {
                    throw new StartupFailure("the HTTP server's router is not there to time requests");
                }
                http.install(router);
            }
        });
    }
}
