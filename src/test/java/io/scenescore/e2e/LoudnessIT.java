package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import io.scenescore.support.TestDatabase;

/**
 * audio_params.loudness with real music (the composer), real FFmpeg and PostgreSQL: the delivered soundtrack,
 * measured independently with ebur128, lands within 0.5 LU of its target with its true peak at or under the
 * ceiling, and the status document reports what was measured on it.
 */
class LoudnessIT {

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.provider", "composer"));
    static TestDatabase db;
    static RunningService service;

    static String storyboard(String loudness, String format) {
        return """
                {"storyboard": {"scenes": [
                  {"description": "a storm at sea, thunder and pounding drums", "music_energy": "high", "duration": 5},
                  {"description": "calm morning after, a lone flute", "music_energy": "low", "duration": 5}]},
                 "audio_params": {"loudness": %s, "output_format": "%s", "transition": "crossfade", "seed": 3}}""".formatted(loudness, format);
    }

    private static JsonNode run(String loudness, String format) throws Exception {
        String jobId = service.generate(storyboard(loudness, format));
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(120));
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        return status;
    }

    @Test
    void theDefaultIsStreamingMinus14WithTheTruePeakUnderMinus1(@TempDir Path tmp) throws Exception {
        JsonNode status = run("null", "mp3");

        MediaProbe.Loudness measured = MediaProbe.loudness(service.download(status.path("job_id").asText(), tmp.resolve("s.mp3")));
        assertThat(measured.integrated()).isCloseTo(-14.0, within(0.5));
        assertThat(measured.truePeak()).isLessThanOrEqualTo(-1.0);
        assertThat(status.at("/audio/loudness/integrated_lufs").asDouble()).isCloseTo(measured.integrated(), within(0.3));
        assertThat(status.at("/audio/loudness/true_peak_dbtp").asDouble()).isLessThanOrEqualTo(-1.0);
        assertThat(status.at("/audio/loudness/range_lu").isNumber()).isTrue();
        assertThat(status.at("/audio_params/loudness/preset").asText()).isEqualTo("streaming");
        // still exactly the storyboard's length
        assertThat(status.at("/audio/duration_seconds").asDouble()).isCloseTo(10.0, within(0.001));
    }

    @Test
    void broadcastIsMinus23InAWav(@TempDir Path tmp) throws Exception {
        JsonNode status = run("\"broadcast\"", "wav");

        Path wav = service.download(status.path("job_id").asText(), tmp.resolve("s.wav"));
        MediaProbe.Loudness measured = MediaProbe.loudness(wav);
        assertThat(measured.integrated()).isCloseTo(-23.0, within(0.5));
        assertThat(measured.truePeak()).isLessThanOrEqualTo(-1.0);
        assertThat(MediaProbe.duration(wav)).isCloseTo(10.0, within(0.01));
    }

    @Test
    void aCustomTargetIsHonoured(@TempDir Path tmp) throws Exception {
        JsonNode status = run("{\"integrated\": -18, \"true_peak\": -2}", "mp3");

        MediaProbe.Loudness measured = MediaProbe.loudness(service.download(status.path("job_id").asText(), tmp.resolve("s.mp3")));
        assertThat(measured.integrated()).isCloseTo(-18.0, within(0.5));
        assertThat(measured.truePeak()).isLessThanOrEqualTo(-2.0);
    }

    @Test
    void anUnknownTargetIsA400NamingTheField() throws Exception {
        var answer = service.postJson("/api/v3/audio/generate-scenes", storyboard("\"loud\"", "mp3"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("audio_params.loudness").contains("streaming, broadcast, none");
    }
}
