package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.media.FfmpegExecutables;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestVideos;
import io.scenescore.support.VideoApi;

/**
 * The service with only the static FFmpeg shipped in the jar and no ffprobe (as on a bare machine or in the
 * image): an arriving video is probed by ffmpeg, and what is not a video is still refused on arrival.
 */
class VideoWithoutFfprobeIT {

    static final String EMBEDDED = FfmpegExecutables.embeddedFfmpeg();
    static final String ONE_SCENE = "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}}";
    // ffprobe configured as the ffmpeg executable itself: the service's "no ffprobe" case
    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.ffmpeg", EMBEDDED, "scenescore.ffprobe", EMBEDDED));
    static RunningService service;
    static Path video;

    @BeforeAll
    static void makeVideo(@TempDir Path tmp) throws Exception {
        video = TestVideos.mp4(tmp.resolve("clip.mp4"), 3, 25);
    }

    @Test
    void aVideoIsProbedByTheShippedFfmpeg() throws Exception {
        HttpResponse<String> created = VideoApi.postJob(service, ONE_SCENE, video, "clip.mp4");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String jobId = RunningService.json(created.body()).get("job_id").asText();
        JsonNode source = service.status(jobId).at("/video/source");
        assertThat(source.path("content_type").asText()).isEqualTo("video/mp4");
        assertThat(source.path("duration_seconds").asDouble()).isEqualTo(3.0);
        assertThat(source.path("frame_rate").asDouble()).isEqualTo(25.0);
    }

    @Test
    void whatIsNotAVideoIsRefusedOnArrival(@TempDir Path tmp) throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.mp4"), "these are not moving pictures");

        HttpResponse<String> answer = VideoApi.postJob(service, ONE_SCENE, text, "notes.mp4");

        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.body()).contains("notes.mp4").contains("cannot be read as a video");
    }
}
