package io.scenescore.routes;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.apache.camel.util.function.ThrowingConsumer;
import org.postgresql.ds.PGSimpleDataSource;

import io.scenescore.composer.ComposerSource;
import io.scenescore.media.FfmpegOutcome;
import io.scenescore.media.SceneAudioCommands;
import io.scenescore.replicate.ContinuationPlanner;
import io.scenescore.replicate.MusicGenRequests;
import io.scenescore.replicate.PollSchedule;
import io.scenescore.replicate.PromptBuilder;
import io.scenescore.replicate.ReplicateAnswers;
import io.scenescore.replicate.ReplicateCalls;
import io.scenescore.replicate.ReplicateChains;
import io.scenescore.replicate.ReplicateHealth;
import io.scenescore.replicate.ReplicateRetryDelay;
import io.scenescore.run.ContinuationAggregationStrategy;
import io.scenescore.run.RunGuard;
import io.scenescore.run.RunPlanner;
import io.scenescore.run.RunSlots;
import io.scenescore.run.SceneWork;
import io.scenescore.run.Soundtracks;
import io.scenescore.store.DatabaseRetries;
import io.scenescore.store.MediaStore;
import io.scenescore.video.VideoFiles;

/**
 * The run's route files (run, music, replicate, audio, hooks, errors) started in Camel alone: no HTTP server, no
 * PostgreSQL (its endpoints are replaced with AdviceWith before the context starts), the real beans. Each test
 * advises the routes it exercises, then starts the context.
 */
abstract class RunRoutesTestSupport extends CamelMainTestSupport {

    static final String VERSION = "671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb";

    /** Every status document the hooks were called with, as the hooks got it: "hook|jobId|body". */
    final List<String> hookCalls = new CopyOnWriteArrayList<>();
    Path work;
    /** What the run counted (scenescore.runs.*, scenescore.scene.duration). */
    io.micrometer.core.instrument.MeterRegistry meters;
    /** The circuit breaker (3 failures in a row open it for 30 s) and the refusal state, as /observe/health reads them. */
    ReplicateHealth replicateHealth;

    /** The music source runs use: a route direct:music-NAME must exist. */
    abstract String provider();

    /** scenescore.db.retry-for-ms of the database policy (routes/errors.camel.yaml) in these tests. */
    long databaseRetryForMs() {
        return 60_000;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/run.camel.yaml,file:routes/music.camel.yaml,file:routes/replicate.camel.yaml,"
                + "file:routes/audio.camel.yaml,file:routes/hooks.camel.yaml,file:routes/errors.camel.yaml");
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:route-tests.properties";
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        work = Files.createTempDirectory("scenescore-route-test");
        registry.bind("test", this);
        // a run held stays fresh for the whole test: whether the renewal after a scene's music is made does not depend on
        // how fast a cold JVM goes from the record of a prediction to the end of the music
        RunSlots slots = new RunSlots(4, "route-test", 60, 60_000);
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://database.invalid/none");
        registry.bind("dataSource", nowhere);
        registry.bind("runSlots", slots);
        // the meters the run counts into (routes/run.camel.yaml): micrometer: endpoints and the runMeters bean
        meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        registry.bind("metricsRegistry", meters);
        registry.bind("runMeters", new io.scenescore.observe.RunMeters(meters, slots, 4));
        registry.bind("runPlanner", new RunPlanner(work, provider(), slots));
        RunGuard guard = new RunGuard();
        registry.bind("runGuard", guard);
        registry.bind("sceneMayFallBack", (org.apache.camel.Predicate) guard::sceneMayFallBack);
        DatabaseRetries retries = new DatabaseRetries(databaseRetryForMs());
        registry.bind("databaseRetries", retries);
        registry.bind("databaseOutage", retries.outagePredicate());
        registry.bind("continuationStrategy", new ContinuationAggregationStrategy());
        registry.bind("soundtracks", new Soundtracks());
        registry.bind("sceneAudioCommands", new SceneAudioCommands());
        registry.bind("pcmSceneFit", new io.scenescore.media.PcmSceneFit());
        // the tools the service would find: PATH, else the FFmpeg shipped in the jar
        registry.bind("ffmpegExecutables", io.scenescore.support.MediaProbe.tools());
        registry.bind("ffmpegOutcome", new FfmpegOutcome());
        registry.bind("ffmpegLine", new io.scenescore.media.FfmpegLine());
        registry.bind("composerSource", new ComposerSource());
        registry.bind("videoFiles", new VideoFiles(work));
        MediaStore media = new MediaStore(nowhere);
        registry.bind("mediaStore", media);
        registry.bind("musicStore", new io.scenescore.run.MusicStore(media));
        PollSchedule polls = new PollSchedule(10, 40, 5, 60_000);
        registry.bind("replicateChains", new ReplicateChains(new ContinuationPlanner(2, 30), 2, polls,
                new MusicGenRequests(VERSION, new PromptBuilder("film score"))));
        registry.bind("replicateCalls", new ReplicateCalls("http://replicate.invalid/v1", 60));
        replicateHealth = new ReplicateHealth(3, Duration.ofSeconds(30), true);
        registry.bind("replicateBreaker", replicateHealth.breaker());
        registry.bind("replicateAnswers", new ReplicateAnswers(replicateHealth));
        registry.bind("replicateRetryDelay", new ReplicateRetryDelay());
        registry.bind("replicateRetries", new io.scenescore.replicate.ReplicateRetries(3, 2));
        // the webhook sender of hooks.camel.yaml (its timer never fires here: scenescore.webhooks.poll-ms)
        registry.bind("webhookSigner", io.scenescore.webhook.WebhookSigner.forSecret(""));
        registry.bind("webhookRetries", new io.scenescore.webhook.WebhookRetries(Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofSeconds(2)));
        registry.bind("webhookPayloads", new io.scenescore.webhook.WebhookPayloads());
        registry.bind("webhookClient", new io.scenescore.webhook.SingleAttemptClient());
        registry.bind("webhookConnections", org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder.create().build());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the status document's own route (api side) stands in as the job id in a small JSON
                from("direct:status-document").routeId("status-document-stub")
                        .setBody(simple("{\"job_id\": \"${body}\"}"));
                // a music source that says what it continued: each piece's URL names its scene
                from("direct:music-fake").routeId("music-fake").process(RunRoutesTestSupport::fakeMusic);
            }
        };
    }

    /** The parameters each scene of the fake source was made with. */
    final List<io.scenescore.job.AudioParams> paramsSeen = new CopyOnWriteArrayList<>();
    /** The join on PCM: by default it leaves the join to FFmpeg (the segments here are not audio). */
    org.apache.camel.Processor joinOnPcm = e -> e.setVariable("joined", false);

    /** The rows select-stored-segments.sql answers (scenes an earlier attempt or version stored); none by default. */
    List<Map<String, Object>> storedSegments = List.of();

    /** What each scene of the fake source saw of the piece before it (null: nothing to continue). */
    final List<String> continued = new CopyOnWriteArrayList<>();

    private static void fakeMusic(Exchange exchange) {
        io.scenescore.run.SceneWork work = exchange.getMessage().getBody(io.scenescore.run.SceneWork.class);
        io.scenescore.run.Run run = exchange.getProperty("run", io.scenescore.run.Run.class);
        RunRoutesTestSupport test = (RunRoutesTestSupport) exchange.getContext().getRegistry().lookupByName("test");
        // as the real sources ask it (Run.previous: nothing in a draft), not the sheet itself, where a draft's scene that
        // finished first may already be when another asks
        test.continued.add(run.previous(work.index()).map(io.scenescore.run.SceneSegment::continuationUrl).orElse(null));
        test.paramsSeen.add(run.params());
        if ("fails".equals(work.scene().title())) {
            throw new io.scenescore.run.MusicSourceFailure("the fake source failed scene " + work.index());
        }
        work.continuedFrom("fake://piece-" + work.index(), 2, null);
    }

    /** Runs the job through execute-run (advised by {@link #adviseRun} and whatever the test advised before) until it ends at {@code end}. */
    /** Runs the job until {@code end} has its message; with no {@code end}, until execute-run returns. */
    void runJob(Map<String, Object> job, String end) throws Exception {
        adviseRun(job);
        context.start();
        if (end != null) {
            getMockEndpoint(end).expectedMessageCount(1);
        }
        template.sendBody("direct:run", Map.of("id", job.get("id")));
        MockEndpoint.assertIsSatisfied(context);
    }

    /** The scenes the run stored, in scene order (each is stored beside the next one's generation, in any order). */
    List<SceneWork> storedScenes() {
        List<SceneWork> stored = new ArrayList<>();
        for (Exchange e : getMockEndpoint("mock:stored-scenes").getReceivedExchanges()) {
            stored.add(e.getMessage().getBody(SceneWork.class));
        }
        stored.sort(java.util.Comparator.comparingInt(SceneWork::index));
        return stored;
    }

    void advise(String routeId, ThrowingConsumer<AdviceWithRouteBuilder, Exception> advice) throws Exception {
        AdviceWith.adviceWith(context, routeId, advice);
    }

    /**
     * The run from its claimed row on: execute-run taken from direct:run, its job loaded from {@code job},
     * nothing stored before, every SQL write and lease renewal answered as PostgreSQL would for a held run.
     */
    void adviseRun(Map<String, Object> job) throws Exception {
        advise("execute-run", a -> {
            a.replaceFromWith("direct:run");
            a.weaveById("mark-run-failed").replace().to("mock:failed");
            a.weaveById("mark-run-canceled").replace().to("mock:canceled");
        });
        advise("run-to-its-end", a -> {
            a.weaveById("load-run").replace().setBody(a.constant(job));
            a.weaveById("find-finished-scenes").replace().setBody(a.constant(storedSegments));
            a.weaveById("load-segment-audio").replace().process(e -> java.nio.file.Files.write(e.getVariable("stored", Path.class), new byte[] {1, 2, 3}));
            a.weaveById("mark-run-completed").replace().to("mock:completed");
        });
        advise("hold-run", a -> a.weaveById("renew-lease").replace().to("mock:lease-renewed").setVariable("answer", a.constant(false)));
        advise("score-scene", a -> {
            a.weaveById("mark-scene-running").replace().to("mock:scene-running")
                    .setVariable("answer", a.constant(Map.of("cancel_requested", false, "interrupted", false)));
        });
        advise("cut-and-store-scene", a -> {
            a.weaveById("fit-segment").replace().to("mock:fit");
            a.weaveById("store-segment").replace().to("mock:stored-scenes");
        });
        advise("join-soundtrack", a -> {
            a.weaveById("join-on-pcm").replace().process(e -> joinOnPcm.process(e));
            a.weaveById("join-and-measure").replace().to("mock:ffmpeg-join").process(RunRoutesTestSupport::writeJoinedSilence);
            a.weaveById("measure-soundtrack-through-limiter").replace().to("mock:limiter-ladder")
                    .setVariable("answer", a.constant(new FfmpegOutcome.Finished("", "")));
            a.weaveById("master-and-encode").replace().process(RunRoutesTestSupport::writeDeliverable);
            // stored as version 1, as store-soundtrack.sql answers
            a.weaveById("store-soundtrack").replace().to("mock:soundtrack").setVariable("answer", a.constant(1));
        });
        advise("call-hook", a -> a.weaveById("hook").before().process(this::recordHook));
    }

    /** What the join's FFmpeg run leaves: the joined WAV (a second of silence), having measured nothing. */
    static void writeJoinedSilence(Exchange exchange) throws Exception {
        io.scenescore.run.RunPlan plan = exchange.getProperty("run", io.scenescore.run.Run.class).plan();
        int rate = 8000;
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + rate * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.putInt(0x46464952).putInt(36 + rate * 2).putInt(0x45564157).putInt(0x20746d66).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .putInt(0x61746164).putInt(rate * 2);
        Files.write(plan.joinedFile(), wav.array());
        exchange.setVariable("answer", new FfmpegOutcome.Finished("", ""));
    }

    /** What the mastering encode leaves: the deliverable, having measured nothing. */
    static void writeDeliverable(Exchange exchange) throws Exception {
        io.scenescore.run.RunPlan plan = exchange.getProperty("run", io.scenescore.run.Run.class).plan();
        Files.write(plan.soundtrackFile(), new byte[] {1, 2, 3});
        exchange.setVariable("answer", new FfmpegOutcome.Finished("", ""));
    }

    private void recordHook(Exchange exchange) {
        hookCalls.add(exchange.getVariable("hook") + "|" + exchange.getMessage().getHeader("SceneScoreJobId") + "|"
                + exchange.getVariable("answer"));
    }

    /** A claimed job's row as load-run.sql answers it. */
    static Map<String, Object> job(String id, String audioParams, String... titles) {
        List<String> scenes = new ArrayList<>();
        for (String title : titles) {
            scenes.add("{\"title\": \"" + title + "\", \"description\": \"a scene\", \"duration\": 2}");
        }
        return Map.of("id", id, "storyboard", "{\"scenes\": [" + String.join(", ", scenes) + "]}",
                "audio_params", audioParams);
    }
}
