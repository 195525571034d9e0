import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.Awaitility;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.ProcessCpu;
import io.scenescore.support.TestDatabase;

/**
 * Many runs at once: the service started by the launcher (./scenescore, so with its heap settings) against the fake
 * Replicate with a fixed prediction latency, with the FFmpeg the image runs (the static one shipped in the jar) unless
 * SCENESCORE_FFMPEG names another. Warm-up batches like the measured one (the JIT goes on compiling for two batches
 * and more: each prints what its compiler threads took), one run alone, then N runs posted at once.
 * Prints the wall time of the N runs over their floor (the larger of one run alone and the CPU-seconds the service
 * spent, FFmpeg included, divided by the cores), the CPU-seconds per run (service and FFmpeg; PostgreSQL and the fake
 * apart; the JIT's share of the service's), the service's peak resident memory (VmHWM), and the wall over the floor
 * the order of work allows: the batch's last prediction's time plus the CPU spent after it over the cores.
 * Usage (from bench/load-bench.sh): LoadBench [runs=100] [scenes=4] [latency-ms=3000] [scene-seconds=4] [warm-up batches=2]
 */
public class LoadBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int scenes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long latencyMs = args.length > 2 ? Long.parseLong(args[2]) : 3000;
        int sceneSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int warmups = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int cores = Runtime.getRuntime().availableProcessors();
        String token = "bench-token";
        try (TestDatabase db = TestDatabase.create(); FakeReplicate replicate = FakeReplicate.start(token)) {
            replicate.setLatency(Duration.ofMillis(latencyMs));
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path data = Files.createTempDirectory("scenescore-load");
            ProcessBuilder pb = new ProcessBuilder("./scenescore").redirectErrorStream(true)
                    .redirectOutput(data.resolve("service.log").toFile());
            pb.environment().put("SCENESCORE_PORT", String.valueOf(port));
            pb.environment().put("SCENESCORE_DB_URL", db.url());
            pb.environment().put("SCENESCORE_DB_USER", db.user());
            pb.environment().put("SCENESCORE_DATA_DIR", data.toString());
            pb.environment().put("SCENESCORE_PROVIDER", "replicate");
            pb.environment().put("REPLICATE_API_TOKEN", token);
            pb.environment().put("REPLICATE_BASE_URL", replicate.baseUrl());
            // the FFmpeg the image runs (Dockerfile), unless SCENESCORE_FFMPEG names another (PATH's, say)
            String ffmpeg = System.getenv().getOrDefault("SCENESCORE_FFMPEG", "");
            if (ffmpeg.isBlank()) {
                ffmpeg = io.scenescore.media.FfmpegExecutables.embeddedFfmpeg();
                pb.environment().put("SCENESCORE_FFMPEG", ffmpeg);
            }
            // every run at once: the runs overlap their predictions as they would at Replicate
            pb.environment().put("SCENESCORE_CONCURRENT_RUNS", String.valueOf(runs));
            Process service = pb.start();
            String pid = String.valueOf(service.pid());
            String base = "http://127.0.0.1:" + port;
            try {
                Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> get(base + "/observe/health").statusCode() == 200);
                StringBuilder list = new StringBuilder();
                for (int i = 0; i < scenes; i++) {
                    list.append(i > 0 ? "," : "").append("{\"description\": \"scene ").append(i).append("\", \"duration\": ").append(sceneSeconds).append('}');
                }
                String body = "{\"storyboard\": {\"scenes\": [" + list + "]}}";
                System.out.printf("%d runs of %d scenes of %d s, prediction latency %d ms, %d cores; service: ./scenescore (pid %d), FFmpeg: %s%n",
                        runs, scenes, sceneSeconds, latencyMs, cores, service.pid(), ffmpeg);

                // warm-up: batches like the measured one, so that the JIT has compiled what the measured runs use
                for (int b = 0; b < warmups; b++) {
                    long warm = System.nanoTime();
                    double jitBefore = ProcessCpu.jit(pid);
                    awaitAll(base, post(base, body, runs));
                    System.out.printf("warm-up: %d runs at once in %.1f s, the JIT's threads %.3f CPU-s per run%n", runs,
                            (System.nanoTime() - warm) / 1e9,
                            (ProcessCpu.jit(pid) - jitBefore) / runs);
                }

                double[] cpu0 = ProcessCpu.ownAndChildren(pid);
                long start = System.nanoTime();
                awaitAll(base, List.of(generate(base, body).join()));
                double alone = (System.nanoTime() - start) / 1e9;
                double[] cpu1 = ProcessCpu.ownAndChildren(pid);
                System.out.printf("one run alone: %.2f s, CPU %.2f s (service %.2f, FFmpeg %.2f)%n", alone,
                        cpu1[0] + cpu1[1] - cpu0[0] - cpu0[1], cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);

                double jit0 = ProcessCpu.jit(pid);
                double database0 = ProcessCpu.postgres();
                double bench0 = ProcessCpu.thisJvm();
                start = System.nanoTime();
                java.time.Instant posted = java.time.Instant.now();
                // the service's and its FFmpeg's CPU as the batch goes, to tell what was spent after its last prediction
                java.util.concurrent.ConcurrentSkipListMap<java.time.Instant, Double> cpuAt = new java.util.concurrent.ConcurrentSkipListMap<>();
                var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleAtFixedRate(() -> {
                    try {
                        double[] c = ProcessCpu.ownAndChildren(pid);
                        cpuAt.put(java.time.Instant.now(), c[0] + c[1]);
                    } catch (java.io.IOException gone) {
                        // the service ended
                    }
                }, 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
                List<String> batch = post(base, body, runs);
                long failed = awaitAll(base, batch);
                sampler.shutdownNow();
                double wall = (System.nanoTime() - start) / 1e9;
                double[] cpu2 = ProcessCpu.ownAndChildren(pid);
                double serviceCpu = cpu2[0] - cpu1[0];
                double ffmpegCpu = cpu2[1] - cpu1[1];
                double floor = Math.max(alone, (serviceCpu + ffmpegCpu) / cores);
                System.out.printf("%d runs at once: wall %.2f s (%d not completed), floor %.2f s, wall/floor %.2f%n",
                        runs, wall, failed, floor, wall / floor);
                System.out.printf("CPU per run: %.3f s (service %.3f, FFmpeg %.3f); PostgreSQL %.3f, fake Replicate and this client %.3f%n",
                        (serviceCpu + ffmpegCpu) / runs, serviceCpu / runs, ffmpegCpu / runs,
                        (ProcessCpu.postgres() - database0) / runs, (ProcessCpu.thisJvm() - bench0) / runs);
                double jit = ProcessCpu.jit(pid) - jit0;
                System.out.printf("of the service's CPU, the JIT compiler's threads (those still running: at least): %.3f s per run%n", jit / runs);
                java.time.Instant lastPrediction = phases(base, replicate, batch, posted);
                // the floor the batch's order of work allows: every run's encode follows the measure of its whole
                // soundtrack, so what is spent after the last prediction cannot overlap the predictions
                double predictions = Duration.between(posted, lastPrediction).toMillis() / 1000.0;
                var atLast = cpuAt.floorEntry(lastPrediction);
                double after = cpu2[0] + cpu2[1] - (atLast != null ? atLast.getValue() : cpu1[0] + cpu1[1]);
                double orderFloor = predictions + after / cores;
                System.out.printf("after the batch's last prediction (%.2f s after the post): %.2f CPU-s of the service and FFmpeg (%.3f per run);"
                        + " wall over (that time + that CPU over the cores, %.2f s): %.2f%n", predictions, after, after / runs, orderFloor, wall / orderFloor);
                System.out.printf("service peak resident memory (VmHWM): %d MB; JVM options: %s%n",
                        status(service.pid(), "VmHWM:") / 1024, jvmOptions(service.pid()));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /**
     * Where the time of the batch went, as medians and maxima over its runs: from the post to the first prediction's
     * creation, through the predictions (first created to last completed, as the fake saw them), and from the last
     * prediction's completion to the run's end (its status's updated_at): the cut, join, encode and store. Returns
     * when the batch's last prediction completed.
     */
    static java.time.Instant phases(String base, FakeReplicate replicate, List<String> jobs, java.time.Instant posted) throws Exception {
        List<Double> start = new ArrayList<>();
        List<Double> generating = new ArrayList<>();
        List<Double> ending = new ArrayList<>();
        java.time.Instant batchLast = posted;
        for (String job : jobs) {
            JsonNode status = JSON.readTree(get(base + "/api/v3/audio/status/" + job).body());
            java.time.Instant first = null;
            java.time.Instant last = null;
            for (JsonNode scene : status.at("/progress/scenes")) {
                JsonNode p = replicate.prediction(scene.path("prediction_id").asText()).orElseThrow();
                java.time.Instant created = java.time.Instant.parse(p.path("created_at").asText());
                java.time.Instant completed = java.time.Instant.parse(p.path("completed_at").asText());
                first = first == null || created.isBefore(first) ? created : first;
                last = last == null || completed.isAfter(last) ? completed : last;
            }
            java.time.Instant end = java.time.OffsetDateTime.parse(status.path("updated_at").asText()).toInstant();
            start.add(Duration.between(posted, first).toMillis() / 1000.0);
            generating.add(Duration.between(first, last).toMillis() / 1000.0);
            ending.add(Duration.between(last, end).toMillis() / 1000.0);
            batchLast = last.isAfter(batchLast) ? last : batchLast;
        }
        System.out.printf("per run, median / max: post to first create %s, predictions %s, last prediction to the run's end %s%n",
                spread(start), spread(generating), spread(ending));
        return batchLast;
    }

    static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.1f / %.1f s", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    /** Posts n runs at once; returns their job ids. */
    static List<String> post(String base, String body, int n) {
        List<CompletableFuture<String>> posted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            posted.add(generate(base, body));
        }
        return posted.stream().map(CompletableFuture::join).toList();
    }

    static CompletableFuture<String> generate(String base, String body) {
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v3/audio/generate-scenes"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.sendAsync(post, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            try {
                if (r.statusCode() != 202) {
                    throw new IllegalStateException("generate-scenes answered " + r.statusCode() + ": " + r.body());
                }
                return JSON.readTree(r.body()).path("job_id").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Waits until every job ended, polling as the README asks pollers to (If-None-Match); returns how many did not complete. */
    static long awaitAll(String base, List<String> jobs) {
        List<String> open = new ArrayList<>(jobs);
        java.util.Map<String, String> etags = new java.util.HashMap<>();
        long[] notCompleted = {0};
        Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (var it = open.iterator(); it.hasNext(); ) {
                String job = it.next();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v3/audio/status/" + job));
                if (etags.containsKey(job)) {
                    request.header("If-None-Match", etags.get(job));
                }
                HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 304) {
                    continue;
                }
                answer.headers().firstValue("ETag").ifPresent(tag -> etags.put(job, tag));
                JsonNode status = JSON.readTree(answer.body());
                String s = status.path("status").asText();
                if (s.equals("completed") || s.equals("failed") || s.equals("canceled")) {
                    notCompleted[0] += s.equals("completed") ? 0 : 1;
                    it.remove();
                }
            }
            return open.isEmpty();
        });
        return notCompleted[0];
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static long status(long pid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream().filter(l -> l.startsWith(field))
                .map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    static String jvmOptions(long pid) throws Exception {
        String[] cmd = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).split("\0");
        return String.join(" ", java.util.Arrays.stream(cmd).filter(a -> a.startsWith("-X")).toList());
    }
}
