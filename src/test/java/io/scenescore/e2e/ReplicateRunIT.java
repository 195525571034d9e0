package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;

/** Runs against a fake of Replicate's HTTP API: continuation, exact lengths, and every fault survived. */
class ReplicateRunIT {

    static final String TOKEN = "r8_test_token_never_logged";
    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of(
            "scenescore.replicate.poll.initial-ms", "100",
            "scenescore.replicate.poll.max-ms", "300",
            "scenescore.replicate.poll.budget-ms", "3000",
            "scenescore.replicate.max-generation-seconds", "10")).withFakeReplicate(TOKEN);
    static FakeReplicate replicate;
    static RunningService service;

    @BeforeEach
    void clean() {
        replicate.reset();
        replicate.setLatency(Duration.ofMillis(1500));
    }

    static String storyboard(String params, double... durations) {
        StringBuilder scenes = new StringBuilder();
        for (int i = 0; i < durations.length; i++) {
            scenes.append(i > 0 ? ", " : "").append("{\"title\": \"S").append(i).append("\", \"description\": \"scene ")
                    .append(i).append("\", \"music_style\": \"cinematic\", \"duration\": ").append(durations[i]).append('}');
        }
        return "{\"storyboard\": {\"scenes\": [" + scenes + "]}, \"audio_params\": {" + params + "}}";
    }

    @Test
    void aDraftCreatesEveryScenesPredictionAtOnceWithoutContinuation(@TempDir Path tmp) throws Exception {
        // a run making scenes one after the other could not create the sixth before the first ends (poll budget: 3 s)
        replicate.setLatency(Duration.ofMillis(2500));
        String jobId = service.generate(storyboard("\"output_format\": \"wav\", \"continuity\": \"independent\"", 3, 3, 3, 3, 3, 3));

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(120));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/draft").asText()).contains("none continuing");
        assertThat(status.at("/progress/scenes")).allSatisfy(scene -> assertThat(scene.path("status").asText()).isEqualTo("completed"));
        assertThat(replicate.createRequests()).hasSize(6)
                .allSatisfy(c -> assertThat(c.at("/input/continuation").asBoolean(false)).isFalse());
        java.time.Instant firstDone = java.time.Instant.MAX;
        java.time.Instant lastCreated = java.time.Instant.MIN;
        for (JsonNode scene : status.at("/progress/scenes")) {
            JsonNode p = replicate.prediction(scene.path("prediction_id").asText()).orElseThrow();
            java.time.Instant created = java.time.Instant.parse(p.path("created_at").asText());
            java.time.Instant done = java.time.Instant.parse(p.path("completed_at").asText());
            lastCreated = created.isAfter(lastCreated) ? created : lastCreated;
            firstDone = done.isBefore(firstDone) ? done : firstDone;
        }
        assertThat(lastCreated).as("every prediction was created before the first finished").isBefore(firstDone);
        Path wav = service.download(jobId, tmp.resolve("draft.wav"));
        assertThat(MediaProbe.duration(wav)).isCloseTo(18.0, within(0.05));
        assertThat(MediaProbe.meanVolume(wav, 0, 18)).isGreaterThan(-35);
    }

    @Test
    void eachSceneAfterTheFirstContinuesThePreviousOutputAndTheWindowIsCut(@TempDir Path tmp) throws Exception {
        // fade: each piece is the scene's own length (a crossfade would add the fade to every piece but the last)
        String jobId = service.generate(storyboard("\"output_format\": \"wav\", \"seed\": 7, \"transition\": \"fade\"", 3.5, 4, 5));

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        List<JsonNode> creates = replicate.createRequests();
        assertThat(creates).hasSize(3);
        assertThat(creates).allSatisfy(c -> {
            assertThat(c.path("version").asText()).isEqualTo(FakeReplicate.DEFAULT_VERSION);
            assertThat(c.at("/input/duration").isInt()).isTrue();
            assertThat(c.at("/input/seed").asLong()).isEqualTo(7);
            assertThat(c.at("/input/prompt").asText()).contains("cinematic");
        });
        assertThat(creates.get(0).at("/input/continuation").asBoolean(false)).isFalse();
        assertThat(creates.get(0).at("/input/duration").asInt()).isEqualTo(4);
        for (int i = 1; i < 3; i++) {
            JsonNode input = creates.get(i).path("input");
            String previous = status.at("/progress/scenes/" + (i - 1) + "/prediction_id").asText();
            assertThat(input.path("continuation").asBoolean()).isTrue();
            assertThat(input.path("input_audio").asText()).isEqualTo(replicate.outputUrl(previous));
            assertThat(input.path("continuation_end").asInt() - input.path("continuation_start").asInt()).isEqualTo(2);
            assertThat(input.path("duration").asInt()).isGreaterThan(2);
        }
        assertThat(creates.get(1).at("/input/continuation_start").asInt()).isEqualTo(2);
        assertThat(creates.get(1).at("/input/continuation_end").asInt()).isEqualTo(4);
        assertThat(creates.get(1).at("/input/duration").asInt()).isEqualTo(6);
        assertThat(status.at("/progress/scenes")).allSatisfy(scene -> {
            assertThat(scene.path("status").asText()).isEqualTo("completed");
            assertThat(scene.path("source").asText()).isEqualTo("replicate");
            assertThat(scene.path("prediction_id").asText()).isNotBlank();
        });

        Path wav = service.download(jobId, tmp.resolve("s.wav"));
        // with the 2 s windows left in, it would last 16.5 s
        assertThat(MediaProbe.duration(wav)).isCloseTo(12.5, within(0.05));
        assertThat(MediaProbe.meanVolume(wav, 0, 12.5)).isGreaterThan(-35);
        assertThat(replicate.authHeadersSeen()).allMatch(h -> h.equals("Bearer " + TOKEN));
        assertThat(status.toString()).doesNotContain(TOKEN);
    }

    @Test
    void thePercentageMovesSceneByScene() throws Exception {
        String jobId = service.generate(storyboard("", 2, 2, 2));
        java.util.List<Integer> seen = new java.util.ArrayList<>();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode status = service.status(jobId);
            int percentage = status.at("/progress/percentage").asInt();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != percentage) {
                seen.add(percentage);
            }
            return status.path("status").asText().equals("completed");
        });

        assertThat(seen).isSorted().endsWith(100).contains(30, 60);
    }

    @Test
    void theTokenNeverReachesTheLogs() throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            replicate.throttleNextCreates(1, 1, true);
            replicate.failNextPolls(1, 500);
            replicate.failNextPredictions(1, "model crashed");
            String jobId = service.generate(storyboard("", 2, 2));
            service.awaitEnd(jobId, Duration.ofSeconds(60));
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString();
        assertThat(logs).as("the run logged its faults").contains("throttled").contains("model crashed");
        assertThat(logs).doesNotContain(TOKEN);
    }

    @Test
    void aSceneLongerThanOneGenerationIsAChainOfContinuations(@TempDir Path tmp) throws Exception {
        String jobId = service.generate(storyboard("\"output_format\": \"wav\"", 17.5));

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        List<JsonNode> creates = replicate.createRequests();
        // at most 10 s per generation: 10 new, then 2 window + 8 new
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0).at("/input/duration").asInt()).isEqualTo(10);
        assertThat(creates.get(1).at("/input/continuation").asBoolean()).isTrue();
        assertThat(creates.get(1).at("/input/continuation_start").asInt()).isEqualTo(8);
        assertThat(creates.get(1).at("/input/duration").asInt()).isEqualTo(10);
        assertThat(MediaProbe.duration(service.download(jobId, tmp.resolve("s.wav")))).isCloseTo(17.5, within(0.05));
    }

    @Test
    void aThrottledCreateAPollErrorAndADroppedDownloadAreEachSurvived(@TempDir Path tmp) throws Exception {
        replicate.throttleNextCreates(1, 1, false);
        replicate.failNextPolls(1, 500);
        replicate.dropNextDownloads(1);

        String jobId = service.generate(storyboard("", 2, 3));
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/scenes")).allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("completed"));
        assertThat(replicate.throttledCreates()).isEqualTo(1);
        assertThat(replicate.failedPolls()).isEqualTo(1);
        assertThat(replicate.droppedDownloads()).isEqualTo(1);
        assertThat(replicate.createdPredictions()).isEqualTo(2);
        assertThat(MediaProbe.duration(service.download(jobId, tmp.resolve("s.mp3")))).isCloseTo(5.0, within(0.05));
    }

    @Test
    void anOutputFileNotThereAtFirstIsFetchedAgainNotThrownAway(@TempDir Path tmp) throws Exception {
        replicate.missNextDownloads(2);

        String jobId = service.generate(storyboard("", 2));
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/scenes/0/status").asText()).isEqualTo("completed");
        assertThat(replicate.createdPredictions()).isEqualTo(1);
        assertThat(replicate.downloadCount()).isEqualTo(3);
        assertThat(MediaProbe.meanVolume(service.download(jobId, tmp.resolve("s.mp3")), 0, 2)).isGreaterThan(-35);
    }

    @Test
    void aRetryAfterHeaderAloneIsHonoured() throws Exception {
        replicate.throttleNextCreates(2, 1, true);

        String jobId = service.generate(storyboard("", 2));

        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("completed");
        assertThat(replicate.throttledCreates()).isEqualTo(2);
        assertThat(replicate.createdPredictions()).isEqualTo(1);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundAgainNotMadeTwice() throws Exception {
        replicate.failNextCreatesAfterCreating(1);

        String jobId = service.generate(storyboard("", 2, 2));

        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("completed");
        assertThat(replicate.droppedCreates()).isEqualTo(1);
        assertThat(replicate.createdPredictions()).isEqualTo(2);
    }

    @Test
    void aFailedPredictionBecomesSilenceWithTheReasonInTheStatus(@TempDir Path tmp) throws Exception {
        replicate.failNextPredictions(1, "CUDA out of memory");

        String jobId = service.generate(storyboard("\"error_strategy\": \"continue_with_silence\", \"output_format\": \"wav\"", 2, 3));
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).isEqualTo("completed");
        JsonNode first = status.at("/progress/scenes/0");
        assertThat(first.path("status").asText()).isEqualTo("silence");
        assertThat(first.path("source").asText()).isEqualTo("silence");
        assertThat(first.path("error").asText()).contains("CUDA out of memory");
        assertThat(status.at("/progress/scenes/1/status").asText()).isEqualTo("completed");
        // the scene after a silent one starts afresh: there is nothing of Replicate's to continue
        assertThat(replicate.createRequests().get(1).at("/input/continuation").asBoolean(false)).isFalse();
        Path wav = service.download(jobId, tmp.resolve("s.wav"));
        assertThat(MediaProbe.duration(wav)).isCloseTo(5.0, within(0.05));
        assertThat(MediaProbe.meanVolume(wav, 0.1, 1.5)).isLessThan(-80);
        assertThat(MediaProbe.meanVolume(wav, 2.5, 2)).isGreaterThan(-35);
    }

    @Test
    void aFailedPredictionFailsTheRunWhenTheStrategyIsHalt() throws Exception {
        replicate.failNextPredictions(1, "CUDA out of memory");

        String jobId = service.generate(storyboard("\"error_strategy\": \"halt\"", 2, 3));
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).isEqualTo("failed");
        assertThat(status.path("error").asText()).contains("CUDA out of memory");
        assertThat(status.at("/progress/scenes/0/status").asText()).isEqualTo("failed");
        assertThat(status.at("/progress/scenes/0/error").asText()).contains("CUDA out of memory");
        assertThat(status.at("/audio/available").asBoolean()).isFalse();
        assertThat(replicate.createdPredictions()).isEqualTo(1);
        service.awaitRunFolderRemoved(jobId);
    }

    @Test
    void aPredictionThatNeverFinishesIsCanceledAfterItsBudget() throws Exception {
        replicate.stallNextPredictions(1);

        String jobId = service.generate(storyboard("", 2));
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        String stalled = status.at("/progress/scenes/0/prediction_id").asText();
        assertThat(replicate.canceledIds()).containsExactly(stalled);
        assertThat(replicate.prediction(stalled).orElseThrow().path("status").asText()).isEqualTo("canceled");
        assertThat(status.path("status").asText()).isEqualTo("completed");
        assertThat(status.at("/progress/scenes/0/status").asText()).isEqualTo("silence");
        assertThat(status.at("/progress/scenes/0/error").asText()).contains("did not finish in time").contains(stalled);
    }
}
