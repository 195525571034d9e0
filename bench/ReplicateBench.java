import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.RunningService;
import io.scenescore.support.TestDatabase;

/**
 * How much a run adds to Replicate's own time: N scenes against the fake with a fixed prediction latency.
 * Prints the job's wall time divided by the sum of the latencies, and the FFmpeg time apart.
 * Usage (from bench/replicate-bench.sh): ReplicateBench [scenes] [latency-ms] [scene-seconds] [rounds]
 */
public class ReplicateBench {

    public static void main(String[] args) throws Exception {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        int sceneSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String token = "bench-token";
        try (TestDatabase db = TestDatabase.create(); FakeReplicate replicate = FakeReplicate.start(token)) {
            replicate.setLatency(Duration.ofMillis(latencyMs));
            RunningService service = RunningService.start(db, Map.of(
                    "scenescore.provider", "replicate",
                    "scenescore.replicate.token", token,
                    "scenescore.replicate.base-url", replicate.baseUrl()));
            AtomicLong execNanos = new AtomicLong();
            service.camelContext().getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeSentEvent sent && sent.getEndpoint().getEndpointUri().startsWith("exec:")) {
                        execNanos.addAndGet(sent.getTimeTaken() * 1_000_000);
                    }
                }
            });
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < scenes; i++) {
                list.append(i > 0 ? "," : "").append("{\"description\": \"scene ").append(i).append("\", \"duration\": ").append(sceneSeconds).append('}');
            }
            String body = "{\"storyboard\": {\"scenes\": [" + list + "]}}";
            double latencySum = scenes * latencyMs / 1000.0;
            System.out.printf("%d scenes of %d s, prediction latency %d ms (sum %.1f s), Prefer: wait on create%n",
                    scenes, sceneSeconds, latencyMs, latencySum);
            for (int round = 0; round < rounds + 1; round++) {
                execNanos.set(0);
                long start = System.nanoTime();
                String jobId = service.generate(body);
                String status = service.awaitEnd(jobId, Duration.ofMinutes(10)).path("status").asText();
                double wall = (System.nanoTime() - start) / 1e9;
                double ffmpeg = execNanos.get() / 1e9;
                System.out.printf("%s %s: wall %.2f s, wall/latencies %.3f, ffmpeg %.2f s, (wall - ffmpeg)/latencies %.3f%n",
                        round == 0 ? "warm-up" : "round " + round, status, wall, wall / latencySum, ffmpeg, (wall - ffmpeg) / latencySum);
            }
            service.close();
        }
    }
}
