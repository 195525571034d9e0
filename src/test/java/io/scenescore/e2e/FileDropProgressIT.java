package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;

/** The outbox's status file follows the run as it moves, not only when it ends. */
class FileDropProgressIT {

    static final String TOKEN = "r8_test_token_filedrop";
    static FakeReplicate replicate;
    static RunningService service;
    static Path inbox;
    static Path outbox;

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(() -> {
        // each prediction takes a second, so the run spends seconds in each scene
        replicate.setLatency(Duration.ofMillis(1000));
        Path root = Files.createTempDirectory("scenescore-filedrop-progress");
        inbox = root.resolve("inbox");
        outbox = root.resolve("outbox");
        return Map.of(
                "scenescore.inbox", inbox.toString(),
                "scenescore.outbox", outbox.toString(),
                "scenescore.filedrop.poll-ms", "200",
                "scenescore.filedrop.outbox-period-ms", "100",
                "scenescore.replicate.poll.initial-ms", "100",
                "scenescore.replicate.poll.max-ms", "200");
    }).withFakeReplicate(TOKEN);

    @Test
    void theStatusFileShowsEachSceneAsItFinishesAndThenTheEnd() throws Exception {
        Files.writeString(inbox.resolve("three-scenes.json"), """
                {"storyboard": {"scenes": [{"description": "a", "duration": 2}, {"description": "b", "duration": 2},
                                           {"description": "c", "duration": 2}]}}""");
        Path statusFile = outbox.resolve("three-scenes.status.json");
        List<String> seen = new ArrayList<>();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode status;
            try {
                status = RunningService.json(Files.readString(statusFile));
            } catch (java.nio.file.NoSuchFileException e) {
                // not written yet, or being replaced (Camel deletes it just before renaming the new one in)
                return false;
            }
            String state = status.path("status").asText() + " " + status.at("/progress/scenes_completed").asInt();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                seen.add(state);
            }
            return status.path("status").asText().equals("completed");
        });

        assertThat(seen).as("states the status file went through").contains("running 1", "running 2").endsWith("completed 3");
        assertThat(outbox.resolve("three-scenes.mp3")).exists();
    }
}
