package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.http.HttpComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.media.FfmpegExecutables;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;

/**
 * As many runs at once as an instance executes: each waits on its own prediction (Prefer: wait holds a connection),
 * and their joins wait in line for FFmpeg.
 */
class ManyRunsIT {

    /** More than the HTTP client's default of 20 connections per host. */
    static final int RUNS = 24;

    /** Each FFmpeg process the service starts writes a line as it starts and one as it ends. */
    static Path ffmpegLog;

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(() -> {
        Path folder = Files.createTempDirectory("many-runs");
        ffmpegLog = folder.resolve("ffmpeg.log");
        Path ffmpeg = folder.resolve("ffmpeg");
        Files.writeString(ffmpeg, "#!/bin/sh\n"
                + "echo \"+ $(date +%s%N)\" >> '" + ffmpegLog + "'\n"
                + "'" + FfmpegExecutables.locate(null, null).ffmpeg() + "' \"$@\"\ncode=$?\n"
                + "echo \"- $(date +%s%N)\" >> '" + ffmpegLog + "'\n"
                + "exit $code\n");
        Files.setPosixFilePermissions(ffmpeg, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Map.of(
                "scenescore.concurrent-runs", String.valueOf(RUNS),
                // as in production: a create waits for its prediction, holding its connection
                "scenescore.replicate.prefer-wait-seconds", "60",
                "scenescore.replicate.poll.budget-ms", "60000",
                "scenescore.ffmpeg", ffmpeg.toString(),
                "scenescore.ffmpeg.concurrency", "2");
    }).withFakeReplicate("r8_many_runs");
    static FakeReplicate replicate;
    static RunningService service;

    @Test
    void replicatesHttpsAddressGetsTheSameClientSettingsAsTheFakesHttp() {
        // Camel configures the http and https components apart: camel.component.http.* alone left https on defaults
        for (String scheme : List.of("http", "https")) {
            HttpComponent client = service.camelContext().getComponent(scheme, HttpComponent.class);
            assertThat(client.isAutomaticRetriesDisabled()).as(scheme).isTrue();
            assertThat(client.getConnectTimeout()).as(scheme).isEqualTo(10_000);
            assertThat(client.getResponseTimeout()).as(scheme).isEqualTo(90_000);
            assertThat(client.getConnectionsPerRoute()).as(scheme).isEqualTo(2 * RUNS);
            assertThat(client.getMaxTotalConnections()).as(scheme).isGreaterThanOrEqualTo(2 * RUNS);
        }
    }

    @Test
    void everyRunsPredictionIsMadeAtOnceAndTheirJoinsTakeTurnsAtFfmpeg() throws Exception {
        // long enough that every run is started well before the first prediction ends
        replicate.setLatency(Duration.ofSeconds(8));
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            jobs.add(service.generate("{\"storyboard\": {\"scenes\": [{\"title\": \"S\", \"description\": \"run " + i
                    + "\", \"music_style\": \"cinematic\", \"duration\": 2}]}, \"audio_params\": {\"output_format\": \"wav\"}}"));
        }

        Instant lastCreated = Instant.MIN;
        Instant firstDone = Instant.MAX;
        for (String job : jobs) {
            JsonNode status = service.awaitEnd(job, Duration.ofSeconds(120));
            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
            JsonNode prediction = replicate.prediction(status.at("/progress/scenes/0/prediction_id").asText()).orElseThrow();
            Instant created = Instant.parse(prediction.path("created_at").asText());
            Instant done = Instant.parse(prediction.path("completed_at").asText());
            lastCreated = created.isAfter(lastCreated) ? created : lastCreated;
            firstDone = done.isBefore(firstDone) ? done : firstDone;
        }

        // with 20 connections to Replicate, the 21st create waited for the first prediction to end
        assertThat(replicate.createdPredictions()).isEqualTo(RUNS);
        assertThat(lastCreated).as("every prediction was created before the first finished").isBefore(firstDone);
        // the runs' encodes came at once (one FFmpeg run each: the scenes are joined on their PCM); FFmpeg ran two
        // at a time (scenescore.ffmpeg.concurrency), the others waited
        List<String> events = Files.readAllLines(ffmpegLog).stream()
                .sorted(Comparator.comparingLong(line -> Long.parseLong(line.substring(2)))).toList();
        assertThat(events.stream().filter(e -> e.startsWith("+"))).hasSize(RUNS);
        int running = 0;
        int most = 0;
        for (String event : events) {
            running += event.startsWith("+") ? 1 : -1;
            most = Math.max(most, running);
        }
        assertThat(most).isEqualTo(2);
    }
}
