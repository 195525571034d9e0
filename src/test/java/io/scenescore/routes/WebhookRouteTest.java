package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.scenescore.webhook.WebhookAttempt;
import io.scenescore.webhook.WebhookSigner;

/**
 * The webhook sender's one attempt (route deliver-webhook in routes/hooks.camel.yaml) without a database: the body is
 * built from the status document at the first attempt, signed per Standard Webhooks, posted to a local receiver,
 * and its outcome handed to the recording step; a retry sends the body kept, byte for byte.
 */
class WebhookRouteTest extends RunRoutesTestSupport {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a-32-byte-key-for-route-tests!!!".getBytes(StandardCharsets.US_ASCII));
    static final ObjectMapper JSON = new ObjectMapper();

    record Posted(String id, String timestamp, String signature, String contentType, String query, String body) {
    }

    final List<Posted> posted = new CopyOnWriteArrayList<>();
    final List<Integer> answers = new CopyOnWriteArrayList<>(List.of(503, 200));
    HttpServer receiver;

    @Override
    String provider() {
        return "fake";
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        super.bindToRegistry(registry);
        registry.bind("webhookSigner", WebhookSigner.forSecret(SECRET));
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private String startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            posted.add(new Posted(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestURI().getRawQuery(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answers.remove(0), -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?token=t0k3n";
    }

    private static Map<String, Object> claimed(String url, String payload, int attempts) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", "0d5c2a8e-6f1b-4e5a-9c3d-7b8a9e0f1a2b");
        row.put("job_id", "7b0c1e9e-0000-4000-8000-000000000001");
        row.put("event", "scene.completed");
        row.put("scene_index", 2);
        row.put("url", url);
        row.put("payload", payload);
        row.put("attempts", attempts);
        row.put("created_at", Timestamp.from(Instant.parse("2026-11-26T12:00:00Z")));
        row.put("claimed_at", Timestamp.from(Instant.parse("2026-11-26T12:00:03Z")));
        return row;
    }

    private static String signature(Posted p) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((p.id() + "." + p.timestamp() + "." + p.body()).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAttemptPostsTheSignedBodyAndHandsItsOutcomeOnAndARetrySendsTheSameBytes() throws Exception {
        String url = startReceiver();
        List<String> kept = new CopyOnWriteArrayList<>();
        advise("deliver-webhook", a -> {
            // the database keeps the first body (store-webhook-payload.sql answers it back)
            a.weaveById("keep-webhook-payload").replace().process(e -> kept.add(e.getMessage().getBody(String.class)));
            a.weaveById("record-webhook-attempt").replace().to("mock:attempts");
        });
        context.start();

        template.sendBody("direct:deliver-webhook", claimed(url, null, 0));

        assertThat(posted).hasSize(1);
        Posted first = posted.get(0);
        assertThat(first.id()).isEqualTo("msg_0d5c2a8e-6f1b-4e5a-9c3d-7b8a9e0f1a2b");
        assertThat(first.signature()).isEqualTo(signature(first));
        assertThat(first.contentType()).isEqualTo("application/json");
        assertThat(first.query()).isEqualTo("token=t0k3n");
        JsonNode body = JSON.readTree(first.body());
        assertThat(body.path("type").asText()).isEqualTo("scene.completed");
        assertThat(body.path("timestamp").asText()).isEqualTo("2026-11-26T12:00:00Z");
        // the status document (a stub here: the job id) with the scene it reports
        assertThat(body.at("/data/job_id").asText()).isEqualTo("7b0c1e9e-0000-4000-8000-000000000001");
        assertThat(body.at("/data/scene_index").asInt()).isEqualTo(2);
        assertThat(kept).containsExactly(first.body());
        WebhookAttempt failed = attempt(0);
        assertThat(failed.delivered()).isFalse();
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.retryInSeconds()).isEqualTo(0.1);

        template.sendBody("direct:deliver-webhook", claimed(url, first.body(), 1));

        assertThat(posted).hasSize(2);
        assertThat(posted.get(1).body()).isEqualTo(first.body());
        assertThat(posted.get(1).id()).isEqualTo(first.id());
        assertThat(posted.get(1).signature()).isEqualTo(signature(posted.get(1)));
        assertThat(kept).hasSize(1);
        WebhookAttempt delivered = attempt(1);
        assertThat(delivered.delivered()).isTrue();
        assertThat(delivered.number()).isEqualTo(2);
        assertThat(delivered.status()).isEqualTo(200);
    }

    @Test
    void aReceiverThatCannotBeReachedIsAFailedAttemptNotAFailure() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        advise("deliver-webhook", a -> a.weaveById("record-webhook-attempt").replace().to("mock:attempts"));
        context.start();

        template.sendBody("direct:deliver-webhook", claimed("http://127.0.0.1:" + closed + "/hook", "{\"type\":\"run.completed\"}", 3));

        WebhookAttempt failed = attempt(0);
        assertThat(failed.status()).isNull();
        assertThat(failed.error()).isEqualTo("the receiver could not be connected to");
        assertThat(failed.number()).isEqualTo(4);
        assertThat(failed.retryInSeconds()).isEqualTo(0.8);
    }

    private WebhookAttempt attempt(int i) {
        Exchange recorded = getMockEndpoint("mock:attempts").getReceivedExchanges().get(i);
        return recorded.getVariable("attempt", WebhookAttempt.class);
    }
}
