package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/**
 * Webhooks end to end: a local receiver (the JDK's HttpServer) gets each event the run asked for, signed per
 * Standard Webhooks, once it answers 2xx; failed attempts are retried with backoff, recorded in the status document,
 * and survive a restart of the service; a failing receiver never affects the run; bad webhook fields are a 400.
 */
class WebhooksIT {

    /** A 32-byte key, as whsec_ and base64. */
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("scenescore-webhooks-it-key-32byt".getBytes(StandardCharsets.US_ASCII));

    static HttpServer receiver;
    static final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    /** How each receiver path answers the n-th request of a given webhook-id (n from 1). */
    static final Map<String, Function<Integer, Integer>> answers = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(() -> {
        startReceiver();
        captureLog();
        return Map.of(
                "scenescore.allow-private-urls", "true",
                "scenescore.webhooks.secret", SECRET,
                "scenescore.webhooks.poll-ms", "100",
                // the backoff, short for the test: 0.5 s, 1 s, 2 s, then 4 s apart
                "scenescore.webhooks.first-retry-ms", "500",
                "scenescore.webhooks.max-retry-ms", "4000",
                "scenescore.webhooks.timeout-ms", "5000",
                "scenescore.webhooks.claim-seconds", "15");
    });
    static RunningService service;
    static TestDatabase db;

    /** One request the receiver got: when, where, its Standard Webhooks headers, its body, and what it answered. */
    record Delivery(Instant at, String path, String query, String id, String timestamp, String signature,
                    String contentType, String body, int answered) {
        JsonNode json() throws IOException {
            return RunningService.json(body);
        }
    }

    /** Everything the service logs (slf4j-simple writes to System.err), kept as well as shown. */
    static final java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    static java.io.PrintStream originalErr;

    static void captureLog() {
        originalErr = System.err;
        java.io.OutputStream tee = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                originalErr.write(b);
                synchronized (log) {
                    log.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                originalErr.write(b, off, len);
                synchronized (log) {
                    log.write(b, off, len);
                }
            }
        };
        System.setErr(new java.io.PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    static String logged() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String path = exchange.getRequestURI().getPath();
            int n = attemptsById.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
            java.util.concurrent.CountDownLatch hold = holds.get(path);
            if (hold != null) {
                try {
                    hold.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int code = answers.getOrDefault(path, k -> 200).apply(n);
            deliveries.add(new Delivery(Instant.now(), path, exchange.getRequestURI().getRawQuery(), id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, code));
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        // a thread per request, so that a receiver held on one path does not hold the others
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
    }

    /** Paths whose requests are held, unanswered, until their latch is released (a receiver that hangs). */
    static final Map<String, java.util.concurrent.CountDownLatch> holds = new ConcurrentHashMap<>();

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
        System.setErr(originalErr);
    }

    static String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    static List<Delivery> to(String path) {
        return deliveries.stream().filter(d -> d.path().equals(path)).toList();
    }

    static String run(String webhookFields) {
        return WalkingSkeletonIT.THREE_SCENES.substring(0, WalkingSkeletonIT.THREE_SCENES.length() - 1) + ", " + webhookFields + "}";
    }

    /** The signature a receiver computes: HMAC-SHA256 of "id.timestamp.body" with the key after whsec_. */
    static String expectedSignature(Delivery d) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((d.id() + "." + d.timestamp() + "." + d.body()).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventOnceAcceptedSignedAndRetriedWithBackoff() throws Exception {
        answers.put("/flaky", n -> n <= 2 ? 500 : 200);
        io.scenescore.support.PrometheusText before = MetricsIT.scrape(service);
        String jobId = service.generate(run("\"webhook_url\": \"" + url("/flaky?token=abc") + "\""));

        JsonNode ended = service.awaitEnd(jobId, Duration.ofSeconds(90));
        assertThat(ended.path("status").asText()).isEqualTo("completed");
        // queued with the change it reports: the first document that says completed already lists the delivery
        assertThat(ended.path("webhooks")).hasSize(1);
        assertThat(ended.at("/webhooks/0/event").asText()).isEqualTo("run.completed");

        await().atMost(Duration.ofSeconds(60)).until(() -> to("/flaky").stream().anyMatch(d -> d.answered() == 200));
        List<Delivery> attempts = to("/flaky");
        assertThat(attempts).extracting(Delivery::answered).containsExactly(500, 500, 200);
        // one event, one webhook-id, the same bytes each time; each attempt signed for its own timestamp
        assertThat(attempts).extracting(Delivery::id).containsOnly(attempts.get(0).id());
        assertThat(attempts.get(0).id()).startsWith("msg_");
        assertThat(attempts).extracting(Delivery::body).containsOnly(attempts.get(0).body());
        for (Delivery d : attempts) {
            assertThat(d.signature()).isEqualTo(expectedSignature(d));
            assertThat(Math.abs(Long.parseLong(d.timestamp()) - d.at().getEpochSecond())).isLessThanOrEqualTo(5);
            assertThat(d.contentType()).startsWith("application/json");
            assertThat(d.query()).isEqualTo("token=abc");
        }
        // the backoff: 0.5 s after the first failure, 1 s after the second (never sooner)
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        System.out.printf("webhook attempts after 500, 500: %d ms, %d ms apart%n",
                Duration.between(attempts.get(0).at(), attempts.get(1).at()).toMillis(),
                Duration.between(attempts.get(1).at(), attempts.get(2).at()).toMillis());

        JsonNode body = attempts.get(2).json();
        assertThat(body.path("type").asText()).isEqualTo("run.completed");
        assertThat(Instant.parse(body.path("timestamp").asText())).isBefore(attempts.get(0).at().plusSeconds(1));
        assertThat(body.at("/data/job_id").asText()).isEqualTo(jobId);
        assertThat(body.at("/data/status").asText()).isEqualTo("completed");
        assertThat(body.at("/data/audio/available").asBoolean()).isTrue();

        // the status document shows the delivery: 3 attempts, the last answered 200; nothing more is sent
        await().atMost(Duration.ofSeconds(10)).until(() -> service.status(jobId).at("/webhooks/0/state").asText().equals("delivered"));
        JsonNode delivery = service.status(jobId).at("/webhooks/0");
        assertThat(delivery.path("id").asText()).isEqualTo(attempts.get(0).id());
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("last_status").asInt()).isEqualTo(200);
        assertThat(delivery.path("delivered_at").isTextual()).isTrue();
        assertThat(delivery.path("next_attempt_at").isNull()).isTrue();
        assertThat(to("/flaky")).hasSize(3);
        // and /observe/metrics counts them (other tests' deliveries may be counted meanwhile too)
        io.scenescore.support.PrometheusText after = MetricsIT.scrape(service);
        String counter = "scenescore_webhook_deliveries_total";
        assertThat(after.sum(counter, "outcome", "delivered") - before.sum(counter, "outcome", "delivered")).isGreaterThanOrEqualTo(1);
        assertThat(after.sum(counter, "outcome", "retried") - before.sum(counter, "outcome", "retried")).isGreaterThanOrEqualTo(2);

        // each attempt is logged at INFO, naming the receiver's host but not the URL's query, and never the secret
        assertThat(logged()).contains("INFO deliver-webhook - webhook run.completed of job " + jobId + " (" + attempts.get(0).id()
                + ") to 127.0.0.1:" + receiver.getAddress().getPort() + ": attempt 2: HTTP 500; next attempt in 1 s");
        assertThat(logged()).contains(attempts.get(0).id() + ") to 127.0.0.1:" + receiver.getAddress().getPort() + ": attempt 3: delivered (HTTP 200)");
        assertThat(logged()).doesNotContain(SECRET.substring("whsec_".length())).doesNotContain("token=abc");
    }

    @Test
    void sceneEventsAreSentWhenAskedForEachNamingItsScene() throws Exception {
        String jobId = service.generate(run("\"webhook_url\": \"" + url("/scenes") + "\", "
                + "\"webhook_events\": [\"scene.completed\", \"run.completed\"]"));
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("completed");

        await().atMost(Duration.ofSeconds(60)).until(() -> to("/scenes").size() >= 4);
        List<String> events = new ArrayList<>();
        List<Integer> scenes = new ArrayList<>();
        for (Delivery d : to("/scenes")) {
            JsonNode body = d.json();
            assertThat(d.signature()).isEqualTo(expectedSignature(d));
            assertThat(body.at("/data/job_id").asText()).isEqualTo(jobId);
            events.add(body.path("type").asText());
            if (body.path("type").asText().equals("scene.completed")) {
                scenes.add(body.at("/data/scene_index").asInt());
                int index = body.at("/data/scene_index").asInt();
                assertThat(body.at("/data/progress/scenes/" + index + "/status").asText()).isIn("completed", "silence");
            }
        }
        assertThat(events).containsExactlyInAnyOrder("scene.completed", "scene.completed", "scene.completed", "run.completed");
        assertThat(scenes).containsExactlyInAnyOrder(0, 1, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode webhooks = service.status(jobId).path("webhooks");
            return webhooks.size() == 4 && webhooks.findValuesAsText("state").stream().allMatch("delivered"::equals);
        });
    }

    @Test
    void aDeliveryPendingWhenTheServiceRestartsIsDeliveredByTheRestartedService() throws Exception {
        boolean[] accepting = {false};
        answers.put("/restart", n -> accepting[0] ? 200 : 503);
        String jobId = service.generate(run("\"webhook_url\": \"" + url("/restart") + "\""));
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("completed");
        await().atMost(Duration.ofSeconds(60)).until(() -> !to("/restart").isEmpty());

        service.restart();
        accepting[0] = true;

        await().atMost(Duration.ofSeconds(60)).until(() -> to("/restart").stream().anyMatch(d -> d.answered() == 200));
        List<Delivery> attempts = to("/restart");
        assertThat(attempts.get(0).answered()).isEqualTo(503);
        assertThat(attempts).filteredOn(d -> d.answered() == 200).hasSize(1);
        assertThat(attempts).extracting(Delivery::id).containsOnly(attempts.get(0).id());
        await().atMost(Duration.ofSeconds(10)).until(() -> service.status(jobId).at("/webhooks/0/state").asText().equals("delivered"));
        assertThat(service.status(jobId).at("/webhooks/0/attempts").asInt()).isEqualTo(attempts.size());
    }

    @Test
    void aReceiverThatCannotBeReachedNeverAffectsTheRun() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String jobId = service.generate(run("\"webhook_url\": \"http://127.0.0.1:" + closed + "/gone\", "
                + "\"webhook_events\": [\"scene.completed\", \"run.completed\", \"run.failed\"]"));

        JsonNode ended = service.awaitEnd(jobId, Duration.ofSeconds(90));

        assertThat(ended.path("status").asText()).isEqualTo("completed");
        assertThat(ended.at("/progress/scenes_completed").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> service.status(jobId).at("/webhooks/3/attempts").asInt() >= 1);
        JsonNode last = service.status(jobId).at("/webhooks/3");
        assertThat(last.path("event").asText()).isEqualTo("run.completed");
        assertThat(last.path("state").asText()).isEqualTo("pending");
        assertThat(last.path("last_status").isNull()).isTrue();
        assertThat(last.path("last_error").asText()).isEqualTo("the receiver could not be connected to");
        assertThat(last.path("next_attempt_at").isTextual()).isTrue();
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsTriedAgain() throws Exception {
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        holds.put("/hanging", hold);
        String jobId = service.generate(run("\"webhook_url\": \"" + url("/hanging") + "\""));
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("completed");

        // the first attempt gives up waiting after scenescore.webhooks.timeout-ms (5 s) and is recorded so
        await().atMost(Duration.ofSeconds(60)).until(() -> service.status(jobId).at("/webhooks/0/attempts").asInt() >= 1);
        JsonNode first = service.status(jobId).at("/webhooks/0");
        assertThat(first.path("last_status").isNull()).isTrue();
        assertThat(first.path("last_error").asText()).isEqualTo("no answer within 5 s");
        assertThat(first.path("state").asText()).isEqualTo("pending");

        hold.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> service.status(jobId).at("/webhooks/0/state").asText().equals("delivered"));
        assertThat(service.status(jobId).at("/webhooks/0/last_status").asInt()).isEqualTo(200);
    }

    @Test
    void twoInstancesSharingTheDatabaseSendEachDeliveryOnce() throws Exception {
        try (RunningService other = RunningService.start(db, Map.of("scenescore.allow-private-urls", "true",
                "scenescore.webhooks.secret", SECRET, "scenescore.webhooks.poll-ms", "100"))) {
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RunningService to = i % 2 == 0 ? service : other;
                jobs.add(to.generate(run("\"webhook_url\": \"" + url("/shared") + "\", "
                        + "\"webhook_events\": [\"scene.completed\", \"run.completed\"]")));
            }
            for (String jobId : jobs) {
                assertThat(service.awaitEnd(jobId, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("completed");
            }
            // 3 runs of 3 scenes: 12 events, each posted once, whichever instance claimed it
            await().atMost(Duration.ofSeconds(60)).until(() -> to("/shared").size() >= 12);
            List<Delivery> posted = to("/shared");
            assertThat(posted).extracting(Delivery::id).doesNotHaveDuplicates().hasSize(12);
            for (Delivery d : posted) {
                assertThat(d.signature()).isEqualTo(expectedSignature(d));
            }
            for (String jobId : jobs) {
                await().atMost(Duration.ofSeconds(10)).until(() -> service.status(jobId).path("webhooks")
                        .findValuesAsText("state").equals(List.of("delivered", "delivered", "delivered", "delivered")));
            }
            assertThat(to("/shared")).hasSize(12);
        }
    }

    @Test
    void aCanceledRunReportsRunCanceled() throws Exception {
        // long enough that the cancel comes while the run is queued or running
        StringBuilder scenes = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            scenes.append(i == 0 ? "" : ", ").append("{\"description\": \"waves\", \"duration\": 30}");
        }
        String jobId = service.generate("{\"storyboard\": {\"scenes\": [" + scenes + "]}, \"webhook_url\": \"" + url("/canceled") + "\"}");
        HttpResponse<String> cancel = service.send(service.request("/api/v3/audio/" + jobId + "/cancel")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);

        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("canceled");
        await().atMost(Duration.ofSeconds(30)).until(() -> !to("/canceled").isEmpty());
        assertThat(to("/canceled")).hasSize(1);
        JsonNode body = to("/canceled").get(0).json();
        assertThat(body.path("type").asText()).isEqualTo("run.canceled");
        assertThat(body.at("/data/job_id").asText()).isEqualTo(jobId);
        assertThat(body.at("/data/status").asText()).isEqualTo("canceled");
        assertThat(service.status(jobId).path("webhooks")).hasSize(1);
    }

    @Test
    void aJobFileDroppedWithAWebhookReportsItsRun() throws Exception {
        Path inbox = service.dataDir().resolve("inbox");
        Files.createDirectories(inbox);
        Path staged = Files.createTempFile(service.dataDir(), ".drop", ".tmp");
        Files.writeString(staged, run("\"webhook_url\": \"" + url("/dropped") + "\""));
        Files.move(staged, inbox.resolve("harbour.json"));

        await().atMost(Duration.ofSeconds(90)).until(() -> !to("/dropped").isEmpty());
        JsonNode body = to("/dropped").get(0).json();
        assertThat(body.path("type").asText()).isEqualTo("run.completed");
        assertThat(body.at("/data/status").asText()).isEqualTo("completed");
    }

    @Test
    void badWebhookFieldsAreA400NamingTheField() throws Exception {
        assertRefused(run("\"webhook_url\": \"ftp://127.0.0.1/x\""), "webhook_url");
        assertRefused(run("\"webhook_url\": \"" + url("/x") + "\", \"webhook_events\": [\"run.finished\"]"), "webhook_events[0]");
        assertRefused(run("\"webhook_url\": \"" + url("/x") + "\", \"webhook_events\": []"), "webhook_events");
        assertRefused(run("\"webhook_events\": [\"run.completed\"]"), "webhook_events");
    }

    /**
     * A second service, as in production: private addresses refused. It never dispatches a run nor sends a
     * delivery (its timers wait for 10 minutes), so its runs stay queued and nothing leaves this machine.
     */
    static final List<AutoCloseable> guardedParts = new ArrayList<>();
    static RunningService guarded() {
        return (RunningService) guardedParts.get(1);
    }

    @BeforeAll
    static void startGuardedService() throws Exception {
        TestDatabase db = TestDatabase.create();
        guardedParts.add(db);
        guardedParts.add(RunningService.start(db, Map.of("scenescore.dispatch.period-ms", "600000",
                "scenescore.webhooks.poll-ms", "600000")));
    }

    @AfterAll
    static void stopGuardedService() throws Exception {
        try (AutoCloseable d = guardedParts.get(0); AutoCloseable s = guardedParts.size() > 1 ? guardedParts.get(1) : () -> { }) {
            // the service, then its database
        }
    }

    @Test
    void aPrivateAddressIsRefusedWhenPrivateUrlsAreNotAllowed() throws Exception {
        for (String host : List.of("127.0.0.1", "localhost", "10.0.0.7", "[::1]", "169.254.169.254")) {
            HttpResponse<String> answer = guarded().postJson("/api/v3/audio/generate-scenes",
                    run("\"webhook_url\": \"http://" + host + ":8080/hook\""));
            assertThat(answer.statusCode()).as(host).isEqualTo(400);
            JsonNode problem = RunningService.json(answer.body());
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("webhook_url");
            assertThat(problem.at("/errors/0/message").asText()).contains("webhooks are only sent to public addresses");
        }
    }

    @Test
    void cancelingAQueuedRunQueuesItsRunCanceledDeliveryWithTheCancel() throws Exception {
        // a public address (an IP literal: no lookup); this service sends nothing, so it is never contacted
        String jobId = guarded().generate(run("\"webhook_url\": \"https://93.184.215.14/hook\""));
        assertThat(guarded().status(jobId).path("webhooks")).isEmpty();

        HttpResponse<String> cancel = guarded().send(guarded().request("/api/v3/audio/" + jobId + "/cancel")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);

        JsonNode status = guarded().status(jobId);
        assertThat(status.path("status").asText()).isEqualTo("canceled");
        assertThat(status.path("webhooks")).hasSize(1);
        assertThat(status.at("/webhooks/0/event").asText()).isEqualTo("run.canceled");
        assertThat(status.at("/webhooks/0/state").asText()).isEqualTo("pending");
        assertThat(status.at("/webhooks/0/attempts").asInt()).isZero();
    }

    static void assertRefused(String body, String field) throws Exception {
        HttpResponse<String> answer = service.postJson("/api/v3/audio/generate-scenes", body);
        assertThat(answer.statusCode()).as(body).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(RunningService.json(answer.body()).at("/errors/0/field").asText()).isEqualTo(field);
    }
}
