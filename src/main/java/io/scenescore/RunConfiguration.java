package io.scenescore;

import java.util.UUID;

import javax.sql.DataSource;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

import io.scenescore.run.ContinuationAggregationStrategy;
import io.scenescore.run.MusicSources;
import io.scenescore.run.RunGuard;
import io.scenescore.run.RunPlanner;
import io.scenescore.run.RunSlots;
import io.scenescore.run.MusicStore;
import io.scenescore.run.Soundtracks;
import io.scenescore.store.MediaStore;
import io.scenescore.store.LeaseRelease;

/**
 * Runs (routes/run.camel.yaml, routes/dispatch.camel.yaml): this instance's id and run slots, the planner with the
 * music source chosen (start-up stops on an unknown one), and the lease release when the instance stops.
 */
public class RunConfiguration implements CamelConfiguration {

    @PropertyInject("scenescore.data-dir")
    private String dataDir;
    @PropertyInject("scenescore.concurrent-runs")
    private int concurrentRuns;
    @PropertyInject("scenescore.lease.seconds")
    private int leaseSeconds;
    @PropertyInject(value = "scenescore.lease.held-fresh-ms", defaultValue = "50")
    private long heldFreshMs;
    @PropertyInject(value = "scenescore.provider", defaultValue = "")
    private String provider;
    @PropertyInject(value = "scenescore.replicate.token", defaultValue = "")
    private String replicateToken;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        String instance = instanceId();
        RunSlots slots = new RunSlots(concurrentRuns, instance, leaseSeconds, heldFreshMs);
        registry.bind("runSlots", slots);
        registry.bind("runPlanner", new RunPlanner(Wiring.dataDir(dataDir).resolve("work"), MusicSources.choose(provider, replicateToken), slots));
        registry.bind("soundtracks", new Soundtracks());
        registry.bind("musicStore", new MusicStore(Wiring.bound(camelContext, "mediaStore", MediaStore.class)));
        registry.bind("continuationStrategy", new ContinuationAggregationStrategy());
        RunGuard guard = new RunGuard();
        registry.bind("runGuard", guard);
        // doCatch's onWhen (routes/run.camel.yaml): a predicate on the exchange itself, which holds the exception
        registry.bind("sceneMayFallBack", (org.apache.camel.Predicate) guard::sceneMayFallBack);
        camelContext.getPropertiesComponent().addInitialProperty("scenescore.instance-id", instance);
        // stopped after the routes: the runs this instance still holds are handed over at once
        camelContext.addService(new LeaseRelease(Wiring.bound(camelContext, "dataSource", DataSource.class), instance), true, true);
    }

    private static String instanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "local");
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
