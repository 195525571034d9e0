package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;

/**
 * The service on its embedded defaults, as `java -jar` on a bare machine runs it: no database URL (an embedded
 * PostgreSQL under the data folder) and no token (the composer).
 */
class EmbeddedDefaultsIT {

    @Test
    void theExampleStoryboardIsComposedAndTheJobSurvivesARestartOnTheEmbeddedDatabase(@TempDir Path data, @TempDir Path tmp) throws Exception {
        String example = Files.readString(Path.of("examples/storyboard.json"));
        try (RunningService service = RunningService.startEmbedded(data, Map.of())) {
            String jobId = service.generate(example);
            JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(120));

            assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
            assertThat(status.at("/progress/scenes")).allSatisfy(s -> assertThat(s.path("source").asText()).isEqualTo("composer"));
            Path mp3 = service.download(jobId, tmp.resolve("example.mp3"));
            assertThat(MediaProbe.duration(mp3)).isCloseTo(24.0, within(0.05));
            assertThat(MediaProbe.meanVolume(mp3, 0, 24)).isGreaterThan(-35);
            assertThat(data.resolve("pg")).isDirectory();

            service.restart();

            assertThat(service.status(jobId).path("status").asText()).isEqualTo("completed");
            assertThat(Files.readAllBytes(service.download(jobId, tmp.resolve("again.mp3")))).isEqualTo(Files.readAllBytes(mp3));
        }
    }
}
