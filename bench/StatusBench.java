import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.ProcessCpu;
import io.scenescore.support.RunningService;
import io.scenescore.support.TestDatabase;

/**
 * The status route under wrk: a finished job (three scenes, a soundtrack, a version) and a running one (its
 * first prediction held by the fake), each answered in full and as a 304 to a poller that sends the ETag back.
 * Prints wrk's requests/s and latency percentiles per case, and the CPU time per request of the service (this JVM)
 * and of PostgreSQL (every postgres process of the machine, so run it on a quiet machine). Usage (from bench/status-bench.sh):
 * StatusBench [seconds=15] [connections=32] [threads=2]
 */
public class StatusBench {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String token = "bench-token";
        try (TestDatabase db = TestDatabase.create(); FakeReplicate replicate = FakeReplicate.start(token)) {
            replicate.setLatency(Duration.ofMillis(200));
            RunningService service = RunningService.start(db, Map.of(
                    "scenescore.provider", "replicate",
                    "scenescore.replicate.token", token,
                    "scenescore.replicate.base-url", replicate.baseUrl()));
            String scenes = "{\"storyboard\": {\"scenes\": [{\"description\": \"calm\", \"duration\": 3},"
                    + " {\"description\": \"tense\", \"duration\": 3}, {\"description\": \"calm again\", \"duration\": 3}]}}";
            String finished = service.generate(scenes);
            System.out.println("finished job: " + service.awaitEnd(finished, Duration.ofMinutes(5)).path("status").asText());
            // a run whose first prediction takes longer than the whole bench
            replicate.setLatency(Duration.ofMinutes(30));
            String running = service.generate(scenes);
            Awaitility.await().atMost(Duration.ofMinutes(1))
                    .until(() -> "running".equals(service.status(running).path("status").asText()));
            System.out.printf("wrk -t%d -c%d -d%ds against GET /api/v3/audio/status/{id}%n", threads, connections, seconds);
            for (String[] job : List.of(new String[] {"finished", finished}, new String[] {"running", running})) {
                String path = "/api/v3/audio/status/" + job[1];
                HttpResponse<String> first = service.get(path);
                String etag = first.headers().firstValue("ETag").orElseThrow();
                String url = service.uri(path).toString();
                // warm-up: the JIT and the pools
                wrk(url, null, threads, connections, 10, false);
                System.out.printf("%-8s 200 (%d bytes): %s%n", job[0], first.body().length(), wrk(url, null, threads, connections, seconds, true));
                System.out.printf("%-8s 304:             %s%n", job[0], wrk(url, etag, threads, connections, seconds, true));
            }
            service.close();
        }
    }

    /** Runs wrk and returns its requests/s and latency percentiles on one line. */
    static String wrk(String url, String etag, int threads, int connections, int seconds, boolean report) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (etag != null) {
            command.addAll(List.of("-H", "If-None-Match: " + etag));
        }
        command.add(url);
        double serviceBefore = ProcessCpu.thisJvm();
        double databaseBefore = ProcessCpu.postgres();
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        double service = ProcessCpu.thisJvm() - serviceBefore;
        double database = ProcessCpu.postgres() - databaseBefore;
        if (!report) {
            return "";
        }
        String rps = line(out, "Requests/sec:");
        String p50 = line(out, "50%");
        String p99 = line(out, "99%");
        String errors = out.contains("Non-2xx") ? ", " + line(out, "Non-2xx") : "";
        String socket = out.contains("Socket errors") ? ", " + line(out, "Socket errors") : "";
        long requests = out.lines().map(String::trim).filter(l -> l.matches("\\d+ requests in .*"))
                .mapToLong(l -> Long.parseLong(l.split(" ")[0])).findFirst().orElse(0);
        String cpu = String.format(", CPU per request: service %.0f µs, PostgreSQL %.0f µs",
                service * 1e6 / Math.max(1, requests), database * 1e6 / Math.max(1, requests));
        return rps + cpu + ", p50 " + p50.replace("50%", "").trim() + ", p99 " + p99.replace("99%", "").trim() + errors + socket;
    }

    static String line(String out, String start) {
        return out.lines().map(String::trim).filter(l -> l.startsWith(start)).findFirst().orElse(start + " ?").trim();
    }
}
