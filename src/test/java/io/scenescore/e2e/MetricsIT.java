package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.PrometheusText;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/**
 * /observe/metrics, scraped before and after real runs (a fake Replicate, and the composer on a second service) and
 * read as Prometheus text: the counters and timers move by what the runs did, and no label carries a job id.
 */
class MetricsIT {

    static final String TOKEN = "r8_metrics_token_never_shown";
    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of(
            "scenescore.replicate.poll.initial-ms", "100",
            "scenescore.replicate.poll.max-ms", "300",
            "scenescore.metrics.gauge-period-ms", "200")).withFakeReplicate(TOKEN);
    static FakeReplicate replicate;
    static RunningService service;

    /** The composer's service, on a database of its own (a second instance on the same one would claim these runs). */
    record Composer(TestDatabase db, RunningService service) {
    }

    static Composer second;

    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    final List<String> jobIds = new ArrayList<>();

    @BeforeAll
    static void startComposer() throws Exception {
        TestDatabase db = TestDatabase.create();
        second = new Composer(db, RunningService.start(db, Map.of("scenescore.provider", "composer")));
    }

    @AfterAll
    static void stopComposer() throws Exception {
        try (TestDatabase d = second.db(); RunningService s = second.service()) {
            // the service first, then its database
        }
    }

    @BeforeEach
    void clean() {
        replicate.reset();
        replicate.setLatency(Duration.ofMillis(300));
    }

    static String storyboard(String params, double... durations) {
        StringBuilder scenes = new StringBuilder();
        for (int i = 0; i < durations.length; i++) {
            scenes.append(i > 0 ? ", " : "").append("{\"description\": \"harbour at dawn ").append(i)
                    .append("\", \"duration\": ").append(durations[i]).append('}');
        }
        return "{\"storyboard\": {\"scenes\": [" + scenes + "]}, \"audio_params\": {" + params + "}}";
    }

    static PrometheusText scrape(RunningService on) throws Exception {
        HttpResponse<String> answer = on.get("/observe/metrics");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        return PrometheusText.parse(answer.body());
    }

    String run(RunningService on, String body, String expectedEnd) throws Exception {
        String jobId = on.generate(body);
        jobIds.add(jobId);
        assertThat(on.awaitEnd(jobId, Duration.ofSeconds(90)).path("status").asText()).isEqualTo(expectedEnd);
        return jobId;
    }

    /** No label value anywhere holds a job id (or any UUID), nor the token. */
    void assertNoJobContentIn(PrometheusText scrape) {
        assertThat(jobIds).isNotEmpty();
        for (PrometheusText.Sample s : scrape.samples()) {
            for (String value : s.labels().values()) {
                assertThat(UUID.matcher(value).find()).as(s.toString()).isFalse();
                assertThat(value).as(s.toString()).doesNotContain(TOKEN);
                jobIds.forEach(id -> assertThat(value).as(s.toString()).doesNotContain(id));
            }
        }
    }

    @Test
    void aCompletedRunMovesTheRunSceneReplicateFfmpegAndHttpMeters() throws Exception {
        PrometheusText before = scrape(service);
        // the first create is throttled once (429), the first prediction fails (its scene becomes silence)
        replicate.throttleNextCreates(1, 1, true);
        replicate.failNextPredictions(1, "CUDA out of memory");

        String jobId = run(service, storyboard("\"error_strategy\": \"continue_with_silence\"", 2, 3), "completed");
        service.status(jobId); // one status call more than awaitEnd's
        PrometheusText after = await().atMost(Duration.ofSeconds(10)).until(() -> scrape(service),
                s -> s.sum("scenescore_runs_ended_total", "outcome", "completed", "source", "replicate")
                        > before.sum("scenescore_runs_ended_total", "outcome", "completed", "source", "replicate"));

        assertThat(delta(before, after, "scenescore_runs_started_total", "source", "replicate")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_runs_ended_total", "outcome", "completed", "source", "replicate")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_run_duration_seconds_count", "outcome", "completed", "source", "replicate")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_run_duration_seconds_sum", "outcome", "completed")).isGreaterThan(0);
        // scenes by the source that made them: one by Replicate, one silence instead of the failed prediction
        assertThat(delta(before, after, "scenescore_scene_duration_seconds_count", "source", "replicate")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_scene_duration_seconds_count", "source", "silence")).isEqualTo(1);
        assertThat(after.has("scenescore_scene_duration_seconds_bucket", "source", "replicate", "le", "+Inf")).isTrue();
        // Replicate's requests by kind, outcome and status: the throttled create, the accepted ones, polls, the download
        assertThat(delta(before, after, "scenescore_replicate_requests_seconds_count", "kind", "create", "outcome", "throttled", "status", "429")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_replicate_requests_seconds_count", "kind", "create", "outcome", "ok")).isEqualTo(2);
        assertThat(delta(before, after, "scenescore_replicate_requests_seconds_count", "kind", "download", "outcome", "ok", "status", "200")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_replicate_requests_seconds_sum", "kind", "create")).isGreaterThan(0);
        // FFmpeg: none while generating (each scene is cut on its PCM in Java), then one run, the encode that masters:
        // Replicate's scene and the failed one's silence are joined and measured on their PCM
        assertThat(delta(before, after, "scenescore_ffmpeg_seconds_count", "stage", "generating")).isZero();
        assertThat(delta(before, after, "scenescore_ffmpeg_seconds_count", "stage", "merging", "outcome", "ok")).isEqualTo(1);
        // HTTP: the generate call and the status polls, by the route's template and their status
        assertThat(delta(before, after, "scenescore_http_requests_seconds_count", "method", "POST", "route", "/api/v3/audio/generate-scenes", "status", "202")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_http_requests_seconds_count", "method", "GET", "route", "/api/v3/audio/status/:job_id", "status", "200")).isGreaterThanOrEqualTo(2);
        assertThat(after.has("scenescore_http_requests_seconds_count", "route", "/observe/metrics")).isTrue();
        // Camel's own route meters come along
        assertThat(after.has("camel_exchanges_total", "routeId", "execute-run")).isTrue();
        assertThat(after.type("scenescore_runs_started_total")).isEqualTo("counter");
        assertThat(after.type("scenescore_scene_duration_seconds")).isEqualTo("histogram");
        assertNoJobContentIn(after);
    }

    @Test
    void failedAndCanceledRunsAreCountedByOutcomeAndTheLeaseGaugeSeesARunningOne() throws Exception {
        PrometheusText before = scrape(service);
        replicate.failNextPredictions(1, "CUDA out of memory");
        run(service, storyboard("\"error_strategy\": \"halt\"", 2), "failed");

        // a run held at Replicate, then canceled
        replicate.setLatency(Duration.ofSeconds(30));
        String held = service.generate(storyboard("", 2, 2));
        jobIds.add(held);
        PrometheusText running = await().atMost(Duration.ofSeconds(30)).until(() -> scrape(service),
                s -> s.sum("scenescore_leases_held") >= 1 && s.sum("scenescore_runs_executing") >= 1);
        assertThat(running.sum("scenescore_runs_queued")).isZero();
        assertThat(service.postJson("/api/v3/audio/" + held + "/cancel", "").statusCode()).isEqualTo(202);
        assertThat(service.awaitEnd(held, Duration.ofSeconds(30)).path("status").asText()).isEqualTo("canceled");

        PrometheusText after = await().atMost(Duration.ofSeconds(10)).until(() -> scrape(service),
                s -> s.sum("scenescore_leases_held") == 0 && s.sum("scenescore_runs_executing") == 0);
        assertThat(delta(before, after, "scenescore_runs_started_total", "source", "replicate")).isEqualTo(2);
        assertThat(delta(before, after, "scenescore_runs_ended_total", "outcome", "failed", "source", "replicate")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_runs_ended_total", "outcome", "canceled", "source", "replicate")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_runs_ended_total", "outcome", "completed")).isZero();
        assertThat(delta(before, after, "scenescore_replicate_requests_seconds_count", "kind", "cancel", "outcome", "ok")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_http_requests_seconds_count", "method", "POST", "route", "/api/v3/audio/:job_id/cancel", "status", "202")).isEqualTo(1);
        assertNoJobContentIn(after);
    }

    @Test
    void composerScenesAreTimedUnderTheirSourceAndUnknownPathsAreOneLabel() throws Exception {
        PrometheusText before = scrape(second.service());

        run(second.service(), storyboard("", 2, 2, 3), "completed");
        // requests for paths that match no route, each with another id: one label value for all of them
        for (int i = 0; i < 3; i++) {
            assertThat(second.service().get("/no/such/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
        }

        PrometheusText after = await().atMost(Duration.ofSeconds(10)).until(() -> scrape(second.service()),
                s -> s.sum("scenescore_runs_ended_total", "source", "composer") > before.sum("scenescore_runs_ended_total", "source", "composer"));
        assertThat(delta(before, after, "scenescore_runs_ended_total", "outcome", "completed", "source", "composer")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_scene_duration_seconds_count", "source", "composer")).isEqualTo(3);
        assertThat(delta(before, after, "scenescore_scene_duration_seconds_sum", "source", "composer")).isGreaterThan(0);
        // three scenes, one FFmpeg run: the encode that masters (the scenes are joined and measured on their PCM)
        assertThat(delta(before, after, "scenescore_ffmpeg_seconds_count")).isEqualTo(1);
        assertThat(delta(before, after, "scenescore_replicate_requests_seconds_count")).isZero();
        assertThat(delta(before, after, "scenescore_http_requests_seconds_count", "route", "unmatched", "status", "404")).isEqualTo(3);
        assertNoJobContentIn(after);
    }

    static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
