package io.scenescore;

import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;

import io.scenescore.replicate.ContinuationPlanner;
import io.scenescore.replicate.MusicGenRequests;
import io.scenescore.replicate.PollSchedule;
import io.scenescore.replicate.PromptBuilder;
import io.scenescore.replicate.ReplicateAnswers;
import io.scenescore.replicate.ReplicateCalls;
import io.scenescore.replicate.ReplicateChains;
import io.scenescore.replicate.ReplicateHealth;
import io.scenescore.run.RunPlanner;
import io.scenescore.replicate.ReplicateRetries;
import io.scenescore.replicate.ReplicateRetryDelay;

/** Replicate's MusicGen as a music source (routes/replicate.camel.yaml): requests, chains, polls and retries. */
public class ReplicateConfiguration implements CamelConfiguration {

    @PropertyInject("scenescore.replicate.base-url")
    private String replicateBaseUrl;
    @PropertyInject("scenescore.replicate.prefer-wait-seconds")
    private int preferWaitSeconds;
    @PropertyInject("scenescore.replicate.version")
    private String musicGenVersion;
    @PropertyInject("scenescore.replicate.window-seconds")
    private int windowSeconds;
    @PropertyInject("scenescore.replicate.max-generation-seconds")
    private int maxGenerationSeconds;
    @PropertyInject("scenescore.replicate.poll.initial-ms")
    private long pollInitialMs;
    @PropertyInject("scenescore.replicate.poll.max-ms")
    private long pollMaxMs;
    @PropertyInject("scenescore.replicate.poll.max-polls")
    private int maxPolls;
    @PropertyInject("scenescore.replicate.poll.budget-ms")
    private long pollBudgetMs;
    @PropertyInject(value = "scenescore.style-prompt", defaultValue = "")
    private String stylePrompt;
    @PropertyInject("scenescore.replicate.max-retries")
    private int maxRetries;
    @PropertyInject("scenescore.replicate.download-retries")
    private int downloadRetries;
    @PropertyInject("scenescore.replicate.breaker.failures")
    private int breakerFailures;
    @PropertyInject("scenescore.replicate.breaker.open-seconds")
    private int breakerOpenSeconds;
    @PropertyInject("scenescore.concurrent-runs")
    private int concurrentRuns;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        PollSchedule polls = new PollSchedule(pollInitialMs, pollMaxMs, maxPolls, pollBudgetMs);
        MusicGenRequests musicGen = new MusicGenRequests(musicGenVersion, new PromptBuilder(stylePrompt));
        registry.bind("replicateChains", new ReplicateChains(new ContinuationPlanner(windowSeconds, maxGenerationSeconds), windowSeconds, polls, musicGen));
        registry.bind("replicateCalls", new ReplicateCalls(replicateBaseUrl, preferWaitSeconds));
        ReplicateHealth health = new ReplicateHealth(breakerFailures, Duration.ofSeconds(breakerOpenSeconds),
                "replicate".equals(Wiring.bound(camelContext, "runPlanner", RunPlanner.class).provider()));
        registry.bind("replicateBreaker", health.breaker());
        registry.bind("replicateAnswers", new ReplicateAnswers(health));
        // on /observe/health as "replicate", once the health registry exists
        camelContext.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                health.setCamelContext(context);
                HealthCheckRegistry.get(context).register(health);
            }
        });
        for (String scheme : List.of("http", "https")) {
            holdConnectionsForEveryRun(camelContext.getComponent(scheme, HttpComponent.class));
        }
        registry.bind("replicateRetryDelay", new ReplicateRetryDelay());
        registry.bind("replicateRetries", new ReplicateRetries(maxRetries, downloadRetries));
    }

    /**
     * A create with Prefer: wait holds its connection for the whole prediction, and a scene's output is downloaded
     * beside the next scene's prediction: two connections to Replicate per run an instance executes at once. With
     * the client's default (20 per host) runs past the tenth queued for a connection, a whole prediction each.
     */
    private void holdConnectionsForEveryRun(HttpComponent http) {
        int perHost = Math.max(http.getConnectionsPerRoute(), 2 * concurrentRuns);
        http.setConnectionsPerRoute(perHost);
        http.setMaxTotalConnections(Math.max(http.getMaxTotalConnections(), perHost + 20));
    }
}
