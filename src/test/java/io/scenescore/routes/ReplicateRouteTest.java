package io.scenescore.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.scenescore.run.SceneWork;

/**
 * The Replicate routes (routes/replicate.camel.yaml) against a scripted Replicate standing in for the HTTP call:
 * create, poll with delays, download; a prediction that fails or never finishes; and the retries of Camel's
 * redelivery: 429 with Retry-After, 5xx, a refused connection, a create whose answer was lost.
 */
class ReplicateRouteTest extends RunRoutesTestSupport {

    static final String JOB = "7b0c1e9e-0000-4000-8000-000000000002";

    /** One call as the scripted Replicate saw it: method, URI, body, when, and the token it carried. */
    record Call(String method, String uri, String body, long atMillis, String auth) {
        boolean is(String m, String uriEnd) {
            return method.equals(m) && uri.endsWith(uriEnd);
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** How the scripted Replicate answers a call, given the calls so far (this one last): status, body, Retry-After. */
    Function<Call, Object[]> script;

    @Override
    String provider() {
        return "replicate";
    }

    /**
     * What recording a prediction answers about the run (record-prediction.sql): cancel_requested (null: the run is no
     * longer held) and cancel_prediction (the job's cancel was asked for).
     */
    final Map<String, Object> held = new HashMap<>(Map.of("cancel_requested", false, "cancel_prediction", false));

    private void run(Function<Call, Object[]> script, String params, String... titles) throws Exception {
        runUntil("mock:completed", script, params, titles);
    }

    private void runUntil(String end, Function<Call, Object[]> script, String params, String... titles) throws Exception {
        this.script = script;
        advise("music-replicate", a -> a.weaveById("record-prediction-id").replace().to("mock:recorded-prediction")
                .process(e -> e.setVariable("held", new HashMap<>(held))));
        advise("replicate-find-created", a -> a.weaveById("known-prediction-ids").replace().setVariable("answer", a.constant(List.of())));
        advise("replicate-request", a -> a.weaveById("call-replicate").replace().process(this::answer));
        runJob(job(JOB, params, titles), end);
    }

    private void answer(Exchange exchange) throws Exception {
        String body = exchange.getMessage().getBody(String.class);
        Call call = new Call(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class),
                exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class), body, System.currentTimeMillis(),
                exchange.getMessage().getHeader("Authorization", String.class));
        calls.add(call);
        Object[] answer = script.apply(call);
        if (answer[0] instanceof Exception failure) {
            throw failure;
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer[0]);
        exchange.getMessage().setHeader("Retry-After", answer.length > 2 ? answer[2] : null);
        exchange.getMessage().setBody(answer[1] instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : answer[1]);
    }

    private long count(String method, String uriEnd) {
        return calls.stream().filter(c -> c.is(method, uriEnd)).count();
    }

    private List<Call> creates() {
        return calls.stream().filter(c -> c.is("POST", "/predictions")).toList();
    }

    static String prediction(String id, String status, String output, String error) {
        return "{\"id\": \"" + id + "\", \"status\": \"" + status + "\", \"output\": " + (output == null ? "null" : "\"" + output + "\"")
                + ", \"error\": " + (error == null ? "null" : "\"" + error + "\"") + "}";
    }

    /** A Replicate whose predictions start, are processing at the first poll and succeed at the second. */
    Object[] healthy(Call call) {
        long created = count("POST", "/predictions");
        if (call.is("POST", "/predictions")) {
            return new Object[] {201, prediction("p" + created, "starting", null, null)};
        }
        if (call.method().equals("GET") && call.uri().contains("/predictions/p")) {
            String id = call.uri().substring(call.uri().lastIndexOf('/') + 1);
            long polls = calls.stream().filter(c -> c.uri().endsWith("/predictions/" + id)).count();
            return polls < 2 ? new Object[] {200, prediction(id, "processing", null, null)}
                    : new Object[] {200, prediction(id, "succeeded", "https://replicate.delivery/" + id + ".wav", null)};
        }
        if (call.uri().startsWith("https://replicate.delivery/")) {
            return new Object[] {200, new byte[] {'R', 'I', 'F', 'F'}};
        }
        if (call.is("GET", "/predictions")) {
            return new Object[] {200, "{\"results\": []}"};
        }
        return new Object[] {404, "{\"detail\": \"not found\"}"};
    }

    @Test
    void aPredictionIsCreatedPolledUntilItSucceedsAndItsOutputContinuedByTheNextScene() throws Exception {
        run(this::healthy, "{}", "dawn", "noon");

        assertThat(creates()).hasSize(2);
        assertThat(count("GET", "/predictions/p1")).isEqualTo(2);
        assertThat(count("GET", "p1.wav")).isEqualTo(1);
        assertThat(creates().get(1).body()).contains("\"continuation\":true").contains("\"input_audio\":\"https://replicate.delivery/p1.wav\"");
        assertThat(storedScenes()).extracting(SceneWork::status).containsExactly("completed", "completed");
        assertThat(storedScenes()).extracting(SceneWork::predictionId).containsExactly("p1", "p2");
        assertThat(getMockEndpoint("mock:recorded-prediction").getReceivedCounter()).isEqualTo(2);
        // the token goes to Replicate's API, never to the file host
        assertThat(calls).filteredOn(c -> c.uri().startsWith("http://replicate.invalid/")).allMatch(c -> "Bearer r8_route_test_token".equals(c.auth()));
        assertThat(calls).filteredOn(c -> c.uri().startsWith("https://replicate.delivery/")).allMatch(c -> c.auth() == null);
    }

    /** A Replicate whose predictions succeed within the create's wait (Prefer: wait), as most do. */
    Object[] answeredAtOnce(Call call) {
        if (call.is("POST", "/predictions")) {
            String id = "p" + count("POST", "/predictions");
            return new Object[] {201, prediction(id, "succeeded", "https://replicate.delivery/" + id + ".wav", null)};
        }
        return healthy(call);
    }

    @Test
    void aPredictionAnsweredAtOnceIsHeldAsItIsRecordedAndNotAgainBeforeTheNextOne() throws Exception {
        run(this::answeredAtOnce, "{}", "dawn", "noon", "dusk");

        assertThat(creates()).hasSize(3);
        assertThat(count("GET", "/predictions/p1")).isZero();
        assertThat(getMockEndpoint("mock:recorded-prediction").getReceivedCounter()).isEqualTo(3);
        // between two predictions the run was held only as each was recorded and its scene marked; once more before the join
        assertThat(getMockEndpoint("mock:lease-renewed").getReceivedCounter()).isEqualTo(1);
        assertThat(storedScenes()).extracting(SceneWork::status).containsExactly("completed", "completed", "completed");
    }

    @Test
    void aCancelAskedForDuringTheCreateStopsTheRunAsThePredictionIsRecorded() throws Exception {
        held.putAll(Map.of("cancel_requested", true, "cancel_prediction", true));
        runUntil("mock:canceled", this::answeredAtOnce, "{}", "dawn", "noon");

        assertThat(creates()).hasSize(1);
        assertThat(storedScenes()).isEmpty();
        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isZero();
        // it had finished: nothing to cancel at Replicate
        assertThat(count("POST", "/cancel")).isZero();
    }

    @Test
    void aPredictionStillRunningWhenTheCancelIsSeenIsCanceledAtReplicateByTheRun() throws Exception {
        held.putAll(Map.of("cancel_requested", true, "cancel_prediction", true));
        runUntil("mock:canceled", call -> call.is("POST", "/predictions/p1/cancel")
                ? new Object[] {200, prediction("p1", "canceled", null, null)} : healthy(call), "{}", "dawn", "noon");

        assertThat(creates()).hasSize(1);
        assertThat(count("POST", "/predictions/p1/cancel")).isEqualTo(1);
        assertThat(count("GET", "/predictions/p1")).isZero();
        assertThat(storedScenes()).isEmpty();
    }

    @Test
    void aRunNoLongerHeldWhoseJobWasCanceledStillCancelsThePredictionItMadeAndStops() throws Exception {
        // another scene of a draft saw the cancel and ended the run while this one's create was in flight
        held.put("cancel_requested", null);
        held.put("cancel_prediction", true);
        runUntil(null, call -> call.is("POST", "/predictions/p1/cancel")
                ? new Object[] {200, prediction("p1", "canceled", null, null)} : healthy(call), "{}", "dawn");

        assertThat(count("POST", "/predictions/p1/cancel")).isEqualTo(1);
        assertThat(storedScenes()).isEmpty();
        // no longer this instance's to end: neither canceled nor failed by it
        assertThat(getMockEndpoint("mock:canceled").getReceivedCounter()).isZero();
        assertThat(getMockEndpoint("mock:failed").getReceivedCounter()).isZero();
    }

    @Test
    void aFailedPredictionBecomesSilenceWithReplicatesWords() throws Exception {
        run(call -> call.method().equals("GET") && call.uri().contains("/predictions/p1")
                ? new Object[] {200, prediction("p1", "failed", null, "CUDA out of memory")} : healthy(call),
                "{\"error_strategy\": \"continue_with_silence\"}", "dawn");

        assertThat(storedScenes().get(0).status()).isEqualTo("silence");
        assertThat(storedScenes().get(0).error()).isEqualTo("prediction p1 failed: CUDA out of memory");
        assertThat(count("GET", "p1.wav")).isZero();
    }

    @Test
    void aPredictionThatNeverFinishesIsCanceledAfterItsPolls() throws Exception {
        run(call -> {
            if (call.is("POST", "/p1/cancel")) {
                return new Object[] {200, prediction("p1", "canceled", null, null)};
            }
            return call.method().equals("GET") && call.uri().endsWith("/predictions/p1")
                    ? new Object[] {200, prediction("p1", "processing", null, null)} : healthy(call);
        }, "{}", "dawn");

        // max-polls is 5 in route-tests.properties
        assertThat(count("GET", "/predictions/p1")).isEqualTo(5);
        assertThat(count("POST", "/predictions/p1/cancel")).isEqualTo(1);
        assertThat(storedScenes().get(0).status()).isEqualTo("silence");
        assertThat(storedScenes().get(0).error()).contains("did not finish in time").contains("p1");
    }

    @Test
    void aThrottledCreateWaitsAsLongAsRetryAfterSays() throws Exception {
        run(call -> creates().size() == 1
                ? new Object[] {429, "{\"detail\": \"Request was throttled.\"}", "1"} : healthy(call), "{}", "dawn");

        List<Call> creates = creates();
        assertThat(creates).hasSize(2);
        // the redelivery's own backoff is 10 ms: only Retry-After makes it wait a second
        assertThat(creates.get(1).atMillis() - creates.get(0).atMillis()).isGreaterThanOrEqualTo(950);
        assertThat(storedScenes().get(0).status()).isEqualTo("completed");
    }

    @Test
    void aServerErrorOnAPollIsRetriedWithBackoff() throws Exception {
        run(call -> call.uri().endsWith("/predictions/p1") && count("GET", "/predictions/p1") == 1
                ? new Object[] {503, "{\"detail\": \"busy\"}"} : healthy(call), "{}", "dawn");

        // the 503 and the poll made again after it, which finds the prediction done
        assertThat(count("GET", "/predictions/p1")).isEqualTo(2);
        assertThat(storedScenes().get(0).status()).isEqualTo("completed");
    }

    @Test
    void aScenesOutputIsDownloadedWhileTheNextScenesPredictionIsCreated() throws Exception {
        java.util.concurrent.CountDownLatch secondCreate = new java.util.concurrent.CountDownLatch(1);
        java.util.List<String> order = new CopyOnWriteArrayList<>();
        // p1's file is held until the second create arrives: a run that downloaded before going on would wait here
        // in vain (10 s) and download first
        run(call -> {
            if (call.is("POST", "/predictions")) {
                order.add("create " + creates().size());
                if (creates().size() == 2) {
                    secondCreate.countDown();
                }
            } else if (call.uri().endsWith("p1.wav")) {
                try {
                    secondCreate.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.add("download p1");
            }
            return healthy(call);
        }, "{}", "dawn", "noon");

        assertThat(order).containsSubsequence("create 1", "create 2", "download p1");
        assertThat(storedScenes()).extracting(io.scenescore.run.SceneWork::status).containsExactly("completed", "completed");
        // the second scene still continued the first one's output
        assertThat(creates().get(1).body()).contains("p1.wav");
    }

    @Test
    void aRefusedConnectionOnTheDownloadIsRetried() throws Exception {
        run(call -> call.uri().endsWith("p1.wav") && count("GET", "p1.wav") == 1
                ? new Object[] {new ConnectException("Connection refused")} : healthy(call), "{}", "dawn");

        assertThat(count("GET", "p1.wav")).isEqualTo(2);
        assertThat(storedScenes().get(0).status()).isEqualTo("completed");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundInTheListNotMadeTwice() throws Exception {
        String[] sent = new String[1];
        run(call -> {
            if (call.is("POST", "/predictions") && creates().size() == 1) {
                sent[0] = call.body();
                return new Object[] {new java.net.SocketException("Connection reset")};
            }
            if (call.is("GET", "/predictions")) {
                // the lost create made p1 with exactly what was sent
                String input = sent[0].substring(sent[0].indexOf("\"input\""));
                return new Object[] {200, "{\"results\": [{\"id\": \"p1\", \"status\": \"processing\", \"version\": \"" + VERSION + "\", "
                        + input.substring(0, input.length() - 1) + "}]}"};
            }
            return healthy(call);
        }, "{}", "dawn");

        assertThat(creates()).hasSize(1);
        assertThat(count("GET", "/predictions")).isEqualTo(1);
        assertThat(storedScenes().get(0).predictionId()).isEqualTo("p1");
    }

    @Test
    void aCallStillFailingAfterEveryRetryGivesUpTheScene() throws Exception {
        run(call -> call.is("POST", "/predictions") ? new Object[] {503, "{\"detail\": \"down for maintenance\"}"} : healthy(call),
                "{}", "dawn");

        // max-retries is 3: one create and three more; each retry looks for a lost create first
        assertThat(creates()).hasSize(4);
        assertThat(storedScenes().get(0).status()).isEqualTo("silence");
        assertThat(storedScenes().get(0).error()).contains("Replicate answered 503: down for maintenance");
    }

    @Test
    void anOutputFileNotThereYetIsFetchedAgain() throws Exception {
        run(call -> call.uri().endsWith("p1.wav") && count("GET", "p1.wav") <= 2
                ? new Object[] {404, "not found"} : healthy(call), "{}", "dawn");

        assertThat(count("GET", "p1.wav")).isEqualTo(3);
        assertThat(storedScenes().get(0).status()).isEqualTo("completed");
    }

    @Test
    void anOutputReallyGoneIsLookedForOnceMoreInThePredictionBeforeTheSceneIsGivenUp() throws Exception {
        run(call -> call.uri().endsWith("p1.wav") ? new Object[] {404, "not found"} : healthy(call), "{}", "dawn");

        // download-retries is 2: three tries; then three more, each after reading the prediction again for its output
        assertThat(count("GET", "p1.wav")).isEqualTo(6);
        assertThat(count("GET", "/predictions/p1")).isEqualTo(2 + 3);
        assertThat(storedScenes().get(0).status()).isEqualTo("silence");
        assertThat(storedScenes().get(0).error()).contains("output of prediction p1").contains("HTTP 404");
    }

    @Test
    void anUnreachableReplicateOpensTheBreakerAndTheRemainingScenesFallBackAtOnce() throws Exception {
        run(call -> new Object[] {new ConnectException("Connection refused")}, "{}", "dawn", "noon", "dusk");

        // three failures in a row open the breaker (route-tests): nothing is called after that
        assertThat(calls).hasSize(3);
        assertThat(storedScenes()).extracting(SceneWork::status).containsExactly("silence", "silence", "silence");
        assertThat(storedScenes()).extracting(SceneWork::error).allMatch(e -> e.startsWith("Replicate is unreachable"));
        assertThat(replicateHealth.breaker().getState().name()).isEqualTo("OPEN");
        replicateHealth.setCamelContext(context);
        assertThat(replicateHealth.call().getState().name()).isEqualTo("DOWN");
    }

    @Test
    void aRefusedTokenFailsTheRunAtOnceWithoutRetries() throws Exception {
        this.script = call -> call.is("POST", "/predictions") ? new Object[] {401, "{\"detail\": \"Invalid token.\"}"} : healthy(call);
        advise("replicate-request", a -> a.weaveById("call-replicate").replace().process(this::answer));
        runJob(job(JOB, "{\"error_strategy\": \"continue_with_silence\"}", "dawn", "noon"), "mock:failed");

        assertThat(creates()).hasSize(1);
        assertThat(getMockEndpoint("mock:failed").getReceivedExchanges().get(0).getMessage().getBody(String.class))
                .isEqualTo("Replicate refused the API token (HTTP 401: not accepted); check REPLICATE_API_TOKEN")
                .doesNotContain("r8_route_test_token");
        replicateHealth.setCamelContext(context);
        assertThat(replicateHealth.call().getState().name()).isEqualTo("DOWN");
        assertThat(replicateHealth.call().getMessage()).hasValueSatisfying(m -> assertThat(m).contains("refused the API token"));
    }
}
