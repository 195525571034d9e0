package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;

/** The built-in composer as the music source: real music, no network, repeatable. */
class ComposerRunIT {

    static final String CONTRASTS = """
            {"storyboard": {"scenes": [
              {"title": "Dawn", "description": "a calm sunrise over a quiet harbour", "music_style": "ambient piano", "music_energy": "low", "duration": 6},
              {"title": "Chase", "description": "a tense chase through the market, action", "music_style": "electronic", "music_energy": "high", "duration": 5},
              {"title": "Goodbye", "description": "a sad goodbye in the rain", "music_style": "piano", "music_energy": "low", "duration": 6},
              {"title": "Finale", "description": "a triumphant finale, fireworks", "music_style": "orchestral", "music_energy": "high", "duration": 5}]},
             "audio_params": {"output_format": "wav", "fade_duration": 0.5, "seed": %d}}""";

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.provider", "composer"));
    static RunningService service;

    private Path score(long seed, Path to) throws Exception {
        String jobId = service.generate(CONTRASTS.formatted(seed));
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(120));
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/scenes")).allSatisfy(s -> assertThat(s.path("source").asText()).isEqualTo("composer"));
        return service.download(jobId, to);
    }

    @Test
    void contrastingScenesAreAllAudibleDifferentAndExactlyAsLongAsTheStoryboard(@TempDir Path tmp) throws Exception {
        Path wav = score(11, tmp.resolve("a.wav"));

        assertThat(MediaProbe.duration(wav)).isCloseTo(22.0, within(0.05));
        double[][] spans = {{0, 6}, {6, 5}, {11, 6}, {17, 5}};
        double[] centroid = new double[4];
        for (int i = 0; i < spans.length; i++) {
            // inside each scene, clear of the fades at its joins
            double start = spans[i][0] + 0.5;
            double length = spans[i][1] - 1.0;
            assertThat(MediaProbe.meanVolume(wav, start, length)).as("scene %d", i).isGreaterThan(-35);
            centroid[i] = MediaProbe.spectralCentroid(wav, start, length);
        }
        // a high-energy chase is brighter than a calm dawn on the piano
        assertThat(centroid[1]).as("chase vs dawn centroids %s", java.util.Arrays.toString(centroid)).isGreaterThan(centroid[0] * 1.2);
    }

    @Test
    void theSameSeedGivesTheSameAudioAndAnotherSeedOther(@TempDir Path tmp) throws Exception {
        byte[] first = Files.readAllBytes(score(5, tmp.resolve("1.wav")));
        byte[] again = Files.readAllBytes(score(5, tmp.resolve("2.wav")));
        byte[] other = Files.readAllBytes(score(6, tmp.resolve("3.wav")));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
