import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.ProcessCpu;
import io.scenescore.support.RunningService;
import io.scenescore.support.TestDatabase;

/**
 * How much a run adds to Replicate's own time: N scenes against the fake with a fixed prediction latency.
 * Prints the job's wall time divided by the sum of the latencies, and the FFmpeg time apart; the wall time over
 * its floor (the latencies plus the FFmpeg runs after the last prediction finished: the join that cannot overlap
 * a generation); the median time from one prediction finishing to the next one being created; and the FFmpeg
 * processes the run started (exec: calls) with the CPU seconds they used (user + system of this JVM's reaped children,
 * from /proc/self/stat: every child of the service here is an FFmpeg or ffprobe run).
 * Usage (from bench/replicate-bench.sh): ReplicateBench [scenes] [latency-ms] [scene-seconds] [rounds]
 */
public class ReplicateBench {

    public static void main(String[] args) throws Exception {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        int sceneSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        // chain (each scene continues the last) or independent (a draft: every scene at once)
        String continuity = args.length > 4 ? args[4] : "chain";
        String token = "bench-token";
        try (TestDatabase db = TestDatabase.create(); FakeReplicate replicate = FakeReplicate.start(token)) {
            replicate.setLatency(Duration.ofMillis(latencyMs));
            RunningService service = RunningService.start(db, Map.of(
                    "scenescore.provider", "replicate",
                    "scenescore.replicate.token", token,
                    "scenescore.replicate.base-url", replicate.baseUrl()));
            AtomicLong execNanos = new AtomicLong();
            AtomicInteger execCount = new AtomicInteger();
            List<Instant[]> execs = new CopyOnWriteArrayList<>();
            // every call to an endpoint (SQL, HTTP, direct: routes...), to show what fills the gaps between predictions
            List<Send> sends = new CopyOnWriteArrayList<>();
            service.camelContext().getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeSentEvent sent) {
                        Instant end = Instant.now();
                        sends.add(new Send(sent.getEndpoint().getEndpointKey(), end.minusMillis(sent.getTimeTaken()), end));
                    }
                    if (event instanceof CamelEvent.ExchangeSentEvent sent && sent.getEndpoint().getEndpointUri().startsWith("exec:")) {
                        execNanos.addAndGet(sent.getTimeTaken() * 1_000_000);
                        execCount.incrementAndGet();
                        Instant end = Instant.now();
                        execs.add(new Instant[] {end.minusMillis(sent.getTimeTaken()), end});
                    }
                }
            });
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < scenes; i++) {
                list.append(i > 0 ? "," : "").append("{\"description\": \"scene ").append(i).append("\", \"duration\": ").append(sceneSeconds).append('}');
            }
            String body = "{\"storyboard\": {\"scenes\": [" + list + "]}, \"audio_params\": {\"continuity\": \"" + continuity + "\"}}";
            // what Replicate alone needs: every prediction one after the other, or (a draft) one prediction's time
            double latencySum = ("independent".equals(continuity) ? 1 : scenes) * latencyMs / 1000.0;
            System.out.printf("%d scenes of %d s (%s), prediction latency %d ms (Replicate's own time %.1f s), Prefer: wait on create%n",
                    scenes, sceneSeconds, continuity, latencyMs, latencySum);
            for (int round = 0; round < rounds + 1; round++) {
                execNanos.set(0);
                execCount.set(0);
                execs.clear();
                double childCpuBefore = ProcessCpu.ownAndChildren("self")[1];
                long start = System.nanoTime();
                String jobId = service.generate(body);
                JsonNode end = service.awaitEnd(jobId, Duration.ofMinutes(10));
                String status = end.path("status").asText();
                double wall = (System.nanoTime() - start) / 1e9;
                double ffmpeg = execNanos.get() / 1e9;
                double ffmpegCpu = ProcessCpu.ownAndChildren("self")[1] - childCpuBefore;
                // from each prediction finishing to the next scene's being created, as the fake saw them
                List<Double> gaps = new ArrayList<>();
                List<String> filled = new ArrayList<>();
                Instant lastFinished = null;
                Instant allFinished = Instant.MIN;
                for (JsonNode scene : end.at("/progress/scenes")) {
                    JsonNode p = replicate.prediction(scene.path("prediction_id").asText()).orElseThrow();
                    Instant created = Instant.parse(p.path("created_at").asText());
                    if (lastFinished != null) {
                        gaps.add(Duration.between(lastFinished, created).toNanos() / 1e6);
                        filled.add(filling(sends, lastFinished, created));
                    }
                    lastFinished = Instant.parse(p.path("completed_at").asText());
                    allFinished = lastFinished.isAfter(allFinished) ? lastFinished : allFinished;
                }
                gaps.sort(Double::compare);
                double median = gaps.isEmpty() ? 0 : gaps.get(gaps.size() / 2);
                Instant lastDone = allFinished;
                double joinFfmpeg = execs.stream().filter(e -> e[0].isAfter(lastDone))
                        .mapToDouble(e -> Duration.between(e[0], e[1]).toNanos() / 1e9).sum();
                System.out.printf("%s %s: wall %.2f s, wall/latencies %.3f, ffmpeg %.2f s (after the last prediction %.2f s),"
                        + " wall/(Replicate's time + that) %.3f, median finish-to-next-create %.0f ms,"
                        + " ffmpeg processes %d using %.2f CPU-s%n",
                        round == 0 ? "warm-up" : "round " + round, status, wall, wall / latencySum, ffmpeg, joinFfmpeg,
                        wall / (latencySum + joinFfmpeg), median, execCount.get(), ffmpegCpu);
                if (round == rounds) {
                    System.out.println("calls that ended between a prediction's completion and the next create (ms after the completion: ended, took):");
                    filled.forEach(line -> System.out.println("  " + line));
                }
                sends.clear();
            }
            service.close();
        }
    }

    record Send(String endpoint, Instant start, Instant end) {
    }

    /** The calls that ended between {@code from} and {@code to}, by when they ended after {@code from} and how long they took. */
    static String filling(List<Send> sends, Instant from, Instant to) {
        StringBuilder line = new StringBuilder(String.format("gap %.0f ms:", Duration.between(from, to).toNanos() / 1e6));
        sends.stream().filter(c -> c.end().isAfter(from) && !c.end().isAfter(to.plusMillis(5)))
                .sorted(java.util.Comparator.comparing(Send::end))
                .forEach(c -> line.append(String.format(" %s (%d, %d)", c.endpoint().replaceAll("\\?.*", "").replace("sql://classpath:sql/", "sql:"),
                        Duration.between(from, c.end()).toMillis(), Duration.between(c.start(), c.end()).toMillis())));
        return line.toString();
    }
}
