package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.status.StatusDocuments;

/** The status document's video part: the merged video, or why there is none, and the source the job has. */
class VideoStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB_ID = "3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c";
    private final StatusDocuments documents = new StatusDocuments();

    private JsonNode video(Map<String, Object> videoRow) throws Exception {
        Map<String, Object> job = new HashMap<>();
        job.put("id", JOB_ID);
        job.put("status", "completed");
        job.put("stage", "done");
        job.put("storyboard", "{\"scenes\": [{\"description\": \"a\", \"duration\": 4}]}");
        return JSON.readTree(documents.build(job, List.of(), null, videoRow)).path("video");
    }

    private static Map<String, Object> row(boolean merged, String error) {
        Map<String, Object> row = new HashMap<>();
        row.put("has_source", true);
        row.put("source_file_name", "harbour.mp4");
        row.put("source_content_type", "video/mp4");
        row.put("source_size_bytes", 35125L);
        row.put("source_duration_seconds", 6.0);
        row.put("source_frame_rate", 25.0);
        row.put("source_sha256", "22278d8b");
        row.put("merged", merged);
        row.put("size_bytes", merged ? 35807L : null);
        row.put("duration_seconds", merged ? 6.0 : null);
        row.put("error", error);
        return row;
    }

    @Test
    void aMergedVideoIsAvailableWithItsUrl() throws Exception {
        JsonNode video = video(row(true, null));

        assertThat(video.path("available").asBoolean()).isTrue();
        assertThat(video.path("download_url").asText()).isEqualTo("/api/v3/jobs/" + JOB_ID + "/video");
        assertThat(video.path("format").asText()).isEqualTo("mp4");
        assertThat(video.path("size_bytes").asLong()).isEqualTo(35807);
        assertThat(video.path("error").isNull()).isTrue();
        assertThat(video.at("/source/file_name").asText()).isEqualTo("harbour.mp4");
        assertThat(video.at("/source/duration_seconds").asDouble()).isEqualTo(6.0);
        assertThat(video.at("/source/sha256").asText()).isEqualTo("22278d8b");
    }

    @Test
    void aMergedVideoSaysHowItWasMixedAndWhatItsAudioMeasured() throws Exception {
        Map<String, Object> row = row(true, null);
        row.put("video_mix", "replace");
        row.put("video_mix_note", "the video has no sound of its own: the music was laid alone (replace) instead of duck");
        row.put("video_loudness_integrated", -14.04);
        row.put("video_loudness_true_peak", -1.53);
        row.put("video_loudness_range", 3.27);

        JsonNode video = video(row);

        assertThat(video.path("mix").asText()).isEqualTo("replace");
        assertThat(video.path("mix_note").asText()).contains("instead of duck");
        assertThat(video.at("/loudness/integrated_lufs").asDouble()).isEqualTo(-14.0);
        assertThat(video.at("/loudness/true_peak_dbtp").asDouble()).isEqualTo(-1.5);
        assertThat(video.at("/loudness/range_lu").asDouble()).isEqualTo(3.3);
    }

    @Test
    void beforeAMergeThereIsNoMixAndNoLoudness() throws Exception {
        JsonNode video = video(row(false, null));

        assertThat(video.path("mix").isNull()).isTrue();
        assertThat(video.path("mix_note").isNull()).isTrue();
        assertThat(video.path("loudness").isNull()).isTrue();
    }

    @Test
    void aFailedMergeSaysWhyAndIsNotAvailable() throws Exception {
        JsonNode video = video(row(false, "ffmpeg exited with 1: corrupt input packet in stream 0"));

        assertThat(video.path("available").asBoolean()).isFalse();
        assertThat(video.path("download_url").isNull()).isTrue();
        assertThat(video.path("error").asText()).contains("corrupt input packet");
        assertThat(video.at("/source/file_name").asText()).isEqualTo("harbour.mp4");
    }

    @Test
    void aJobWithoutVideosSaysSo() throws Exception {
        Map<String, Object> none = new HashMap<>();
        none.put("has_source", false);
        none.put("merged", false);

        for (JsonNode video : new JsonNode[] {video(none), video(null)}) {
            assertThat(video.path("available").asBoolean()).isFalse();
            assertThat(video.path("source").isNull()).isTrue();
            assertThat(video.path("error").isNull()).isTrue();
        }
    }
}
