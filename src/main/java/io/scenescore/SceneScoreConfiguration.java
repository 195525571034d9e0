package io.scenescore;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.ResourceReloadStrategy;
import org.apache.camel.support.RouteWatcherReloadStrategy;

import org.apache.camel.spi.Registry;

import io.scenescore.api.AnswerHeaderFilter;
import io.scenescore.api.ApiKeyGuard;
import io.scenescore.api.ConditionalDownload;
import io.scenescore.api.IdempotentAnswers;
import io.scenescore.api.JobForms;
import io.scenescore.api.JsonAnswers;
import io.scenescore.api.ProblemDocuments;
import io.scenescore.api.UploadGate;
import io.scenescore.api.VideoDownloads;
import io.scenescore.composer.ComposerSource;
import io.scenescore.filedrop.DropFileFilter;
import io.scenescore.filedrop.DroppedJobs;
import io.scenescore.filedrop.FileDropFolders;
import io.scenescore.job.AudioParams;
import io.scenescore.job.JobRequests;
import io.scenescore.media.FfmpegExecutables;
import io.scenescore.media.FfmpegOutcome;
import io.scenescore.media.MuxCommand;
import io.scenescore.media.SceneAudioCommands;
import io.scenescore.media.VideoProbe;
import io.scenescore.reload.GuardedRouteReload;
import io.scenescore.reload.RouteReloadHealthCheck;
import io.scenescore.replicate.ContinuationPlanner;
import io.scenescore.replicate.MusicGenRequests;
import io.scenescore.replicate.PollSchedule;
import io.scenescore.replicate.PromptBuilder;
import io.scenescore.replicate.ReplicateAnswers;
import io.scenescore.replicate.ReplicateCalls;
import io.scenescore.replicate.ReplicateChains;
import io.scenescore.replicate.ReplicateRetryDelay;
import io.scenescore.run.ContinuationAggregationStrategy;
import io.scenescore.run.MusicSources;
import io.scenescore.run.RunGuard;
import io.scenescore.run.RunPlanner;
import io.scenescore.run.RunSlots;
import io.scenescore.run.Soundtracks;
import io.scenescore.status.StatusDocuments;
import io.scenescore.store.Database;
import io.scenescore.store.LeaseRelease;
import io.scenescore.store.VideoStore;
import io.scenescore.video.PublicAddressGuard;
import io.scenescore.video.VideoArrivals;
import io.scenescore.video.VideoChecks;
import io.scenescore.video.VideoFetcher;
import io.scenescore.video.VideoFiles;

/**
 * Everything the routes need that is not routing: checked and bound before any route starts, so that a
 * taken port or an unreachable database stops start-up with one clear line.
 */
public class SceneScoreConfiguration implements CamelConfiguration {

    @PropertyInject("camel.server.port")
    private int port;
    @PropertyInject("scenescore.data-dir")
    private String dataDir;
    @PropertyInject(value = "scenescore.db.url", defaultValue = "")
    private String dbUrl;
    @PropertyInject(value = "scenescore.db.user", defaultValue = "")
    private String dbUser;
    @PropertyInject(value = "scenescore.db.password", defaultValue = "")
    private String dbPassword;
    @PropertyInject(value = "scenescore.ffmpeg", defaultValue = "")
    private String ffmpeg;
    @PropertyInject(value = "scenescore.ffprobe", defaultValue = "")
    private String ffprobe;
    @PropertyInject(value = "scenescore.defaults.fade-duration", defaultValue = "1.0")
    private double defaultFadeSeconds;
    @PropertyInject("scenescore.concurrent-runs")
    private int concurrentRuns;
    @PropertyInject("scenescore.lease.seconds")
    private int leaseSeconds;
    @PropertyInject("scenescore.replicate.base-url")
    private String replicateBaseUrl;
    @PropertyInject("scenescore.replicate.prefer-wait-seconds")
    private int preferWaitSeconds;
    @PropertyInject(value = "scenescore.api-key", defaultValue = "")
    private String apiKey;
    @PropertyInject(value = "scenescore.provider", defaultValue = "")
    private String provider;
    @PropertyInject(value = "scenescore.replicate.token", defaultValue = "")
    private String replicateToken;
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
    @PropertyInject(value = "scenescore.inbox", defaultValue = "")
    private String inbox;
    @PropertyInject(value = "scenescore.outbox", defaultValue = "")
    private String outbox;
    @PropertyInject(value = "camel.server.max-body-size", defaultValue = "1048576")
    private long maxBodyBytes;
    @PropertyInject("scenescore.video.max-bytes")
    private long videoLimit;
    @PropertyInject("scenescore.allow-private-urls")
    private boolean allowPrivateUrls;
    @PropertyInject("scenescore.video.fetch-timeout-ms")
    private long fetchTimeoutMs;
    @PropertyInject("scenescore.video.max-redirects")
    private int maxRedirects;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        requireFreePort(port);
        Path data = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(data.resolve("work"));

        Database database = Database.open(dbUrl, dbUser, dbPassword, data.resolve("pg"));
        camelContext.addService(database, true, true);
        Registry registry = camelContext.getRegistry();
        registry.bind("dataSource", database.dataSource());
        registry.bind("ffmpegExecutables", FfmpegExecutables.locate(ffmpeg, ffprobe));
        String instance = instanceId();
        RunSlots slots = new RunSlots(concurrentRuns, instance, leaseSeconds);
        registry.bind("runSlots", slots);
        registry.bind("runPlanner", new RunPlanner(data.resolve("work"), MusicSources.choose(provider, replicateToken), slots));
        registry.bind("soundtracks", new Soundtracks());
        registry.bind("apiKeyGuard", new ApiKeyGuard(apiKey));
        registry.bind("answerHeaderFilter", new AnswerHeaderFilter());
        registry.bind("jobRequests", new JobRequests(operatorDefaults()));
        registry.bind("problemDocuments", new ProblemDocuments());
        registry.bind("jsonAnswers", new JsonAnswers());
        registry.bind("conditionalDownload", new ConditionalDownload());
        registry.bind("statusDocuments", new StatusDocuments());
        registry.bind("continuationStrategy", new ContinuationAggregationStrategy());
        registry.bind("sceneAudioCommands", new SceneAudioCommands());
        registry.bind("ffmpegOutcome", new FfmpegOutcome());
        registry.bind("composerSource", new ComposerSource());
        registry.bind("runGuard", new RunGuard());
        registry.bind("idempotentAnswers", new IdempotentAnswers());
        PollSchedule polls = new PollSchedule(pollInitialMs, pollMaxMs, maxPolls, pollBudgetMs);
        MusicGenRequests musicGen = new MusicGenRequests(musicGenVersion, new PromptBuilder(stylePrompt));
        registry.bind("replicateChains", new ReplicateChains(new ContinuationPlanner(windowSeconds, maxGenerationSeconds), windowSeconds, polls, musicGen));
        registry.bind("replicateCalls", new ReplicateCalls(replicateBaseUrl, preferWaitSeconds));
        registry.bind("replicateAnswers", new ReplicateAnswers());
        registry.bind("replicateRetryDelay", new ReplicateRetryDelay());
        camelContext.getPropertiesComponent().addInitialProperty("scenescore.instance-id", instance);
        // stopped after the routes: the runs this instance still holds are handed over at once
        camelContext.addService(new LeaseRelease(database.dataSource(), instance), true, true);
        bindFileDrop(camelContext, database, data);
        watchRouteReloads(camelContext);
        bindVideo(camelContext, camelContext.getRegistry(), data, database);
    }

    /** The inbox and outbox (routes/filedrop.camel.yaml): folders, the filter, the checks and the shared claims. */
    private void bindFileDrop(CamelContext camelContext, Database database, Path data) throws Exception {
        FileDropFolders folders = FileDropFolders.resolve(inbox, outbox, data);
        camelContext.getPropertiesComponent().addInitialProperty("scenescore.filedrop.inbox-dir", folders.inbox().toString());
        camelContext.getPropertiesComponent().addInitialProperty("scenescore.filedrop.outbox-dir", folders.outbox().toString());
        Registry registry = camelContext.getRegistry();
        registry.bind("dropFileFilter", new DropFileFilter(folders.error(), refusal -> new ProblemDocuments().describe(refusal).json()));
        registry.bind("droppedJobs", new DroppedJobs(maxBodyBytes, folders.inbox()));
        // files taken from the inbox, in PostgreSQL so that instances sharing the folder take each file once;
        // its table comes from the V4 migration
        JdbcMessageIdRepository claims = new JdbcMessageIdRepository(database.dataSource(), "filedrop-inbox");
        claims.setCreateTableIfNotExists(false);
        camelContext.addService(claims, true, true);
        registry.bind("fileDropClaims", claims);
    }

    /**
     * With route reload on (camel.main.routes-reload-enabled), a route file that fails to load is reported on
     * /observe/health until it is fixed, and routes it took away are put back as they were.
     */
    private static void watchRouteReloads(CamelContext camelContext) throws Exception {
        camelContext.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // nothing yet: the reload strategy and the routes start with the context
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                ResourceReloadStrategy reloads = context.hasService(RouteWatcherReloadStrategy.class);
                if (reloads != null) {
                    RouteReloadHealthCheck health = new RouteReloadHealthCheck();
                    health.setCamelContext(context);
                    GuardedRouteReload.install(reloads, context, health);
                    HealthCheckRegistry.get(context).register(health);
                }
            }
        });
    }

    /** Videos: arrival (upload, fetch), probing, storage, muxing and download. */
    private void bindVideo(CamelContext camelContext, Registry registry, Path data, Database database) throws Exception {
        VideoFetcher fetcher = new VideoFetcher(new PublicAddressGuard(allowPrivateUrls), videoLimit, maxRedirects,
                Duration.ofMillis(fetchTimeoutMs), data.resolve("incoming"));
        camelContext.addService(fetcher, true, true);
        registry.bind("jobForms", new JobForms(maxBodyBytes));
        registry.bind("videoArrivals", new VideoArrivals(videoLimit, fetcher));
        registry.bind("videoProbe", new VideoProbe());
        registry.bind("videoStore", new VideoStore(database.dataSource()));
        registry.bind("videoFiles", new VideoFiles(data.resolve("work")));
        registry.bind("videoChecks", new VideoChecks());
        registry.bind("muxCommand", new MuxCommand());
        registry.bind("videoDownloads", new VideoDownloads());
        UploadGate gate = new UploadGate(videoLimit, maxBodyBytes, data.resolve("uploads"), new ApiKeyGuard(apiKey));
        // the gate goes on the HTTP server's router, which exists once the server is started
        camelContext.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
                if (router == null) {
                    throw new StartupFailure("the HTTP server's router is not there to take video uploads");
                }
                gate.install(router, context);
            }
        });
    }

    /** The audio_params a run gets for what its request leaves out, as the operator set them. */
    private AudioParams operatorDefaults() {
        try {
            return AudioParams.defaults().withFadeDuration(defaultFadeSeconds);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("scenescore.defaults.fade-duration: " + e.getMessage());
        }
    }

    private static void requireFreePort(int port) {
        // platform-http only logs a WARN when the port is taken and runs on without a server
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StartupFailure("port " + port + " is already in use (set SCENESCORE_PORT)", e);
        }
    }

    private static String instanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "local");
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
