package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.status.StatusDocuments;

/** The status document built from the job's rows as the SQL returns them. */
class StatusDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB_ID = "3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c";
    private static final String STORYBOARD = """
            {"scenes": [
              {"title": "Dawn", "description": "sun", "duration": 4},
              {"description": "street", "duration": 2.5},
              {"title": "Chase", "description": "cars", "duration": 6},
              {"title": "Dusk", "description": "calm", "duration": 3}
            ]}""";

    private final StatusDocuments documents = new StatusDocuments();

    private static Map<String, Object> job(String status, String stage) {
        Map<String, Object> job = new HashMap<>();
        job.put("id", JOB_ID);
        job.put("status", status);
        job.put("stage", stage);
        job.put("storyboard", STORYBOARD);
        job.put("audio_params", null);
        job.put("error", null);
        job.put("created_at", Timestamp.from(Instant.parse("2024-05-06T07:08:09Z")));
        job.put("updated_at", Timestamp.from(Instant.parse("2024-05-06T07:10:00.250Z")));
        return job;
    }

    private static Map<String, Object> scene(int index, String status) {
        Map<String, Object> row = new HashMap<>();
        row.put("scene_index", index);
        row.put("status", status);
        row.put("source", "replicate");
        row.put("prediction_id", "pred-" + index);
        row.put("duration_seconds", 1.0);
        row.put("error", null);
        return row;
    }

    private static List<Map<String, Object>> scenes(String... statuses) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            rows.add(scene(i, statuses[i]));
        }
        return rows;
    }

    private static Map<String, Object> soundtrack() {
        Map<String, Object> row = new HashMap<>();
        row.put("format", "mp3");
        row.put("duration_seconds", 15.5);
        row.put("size_bytes", 372_000L);
        return row;
    }

    private JsonNode build(Map<String, Object> job, List<Map<String, Object>> rows, Map<String, Object> soundtrack)
            throws Exception {
        return JSON.readTree(documents.build(job, rows, soundtrack));
    }

    private int percentage(String status, String stage, String... sceneStatuses) throws Exception {
        return build(job(status, stage), scenes(sceneStatuses), null).path("progress").path("percentage").asInt(-1);
    }

    @Test
    void aQueuedJobListsEveryScenePendingAtZeroPercent() throws Exception {
        JsonNode doc = build(job("queued", null), List.of(), null);

        assertThat(doc.path("job_id").asText()).isEqualTo(JOB_ID);
        assertThat(doc.path("status").asText()).isEqualTo("queued");
        JsonNode progress = doc.path("progress");
        assertThat(progress.path("percentage").asInt(-1)).isZero();
        assertThat(progress.path("stage").isNull()).isTrue();
        assertThat(progress.path("scenes_total").asInt()).isEqualTo(4);
        assertThat(progress.path("scenes_completed").asInt(-1)).isZero();
        assertThat(progress.path("scenes")).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode scene = progress.path("scenes").get(i);
            assertThat(scene.path("index").asInt()).isEqualTo(i);
            assertThat(scene.path("status").asText()).isEqualTo("pending");
            assertThat(scene.path("source").isNull()).isTrue();
            assertThat(scene.path("prediction_id").isNull()).isTrue();
            assertThat(scene.path("error").isNull()).isTrue();
        }
        assertThat(progress.path("scenes").findValuesAsText("title")).containsExactly("Dawn", "null", "Chase", "Dusk");
        assertThat(progress.path("scenes").get(1).path("title").isNull()).isTrue();
        assertThat(progress.path("scenes").findValues("duration_seconds")).extracting(JsonNode::asDouble)
                .containsExactly(4.0, 2.5, 6.0, 3.0);
    }

    @Test
    void scenesWithoutARowArePendingAndTheOthersShowTheirRow() throws Exception {
        Map<String, Object> failed = scene(1, "silence");
        failed.put("error", "the music source timed out");
        failed.put("source", "silence");

        JsonNode scenes = build(job("running", "generating"), List.of(scene(0, "completed"), failed, scene(2, "running")), null)
                .path("progress").path("scenes");

        assertThat(scenes.findValuesAsText("status")).containsExactly("completed", "silence", "running", "pending");
        assertThat(scenes.get(0).path("prediction_id").asText()).isEqualTo("pred-0");
        assertThat(scenes.get(1).path("source").asText()).isEqualTo("silence");
        assertThat(scenes.get(1).path("error").asText()).isEqualTo("the music source timed out");
        assertThat(scenes.get(3).path("source").isNull()).isTrue();
    }

    @Test
    void aQueuedOrCreatedJobIsAtZeroWhateverOldRowsSay() throws Exception {
        assertThat(percentage("queued", null, "completed", "completed", "completed", "completed")).isZero();
        assertThat(percentage("created", null)).isZero();
    }

    @Test
    void aRunningJobMovesWithItsFinishedScenesUpTo90Percent() throws Exception {
        assertThat(percentage("running", "generating")).isZero();
        assertThat(percentage("running", "generating", "completed", "running")).isEqualTo(22);
        assertThat(percentage("running", "generating", "completed", "silence", "running")).isEqualTo(45);
        assertThat(percentage("running", "generating", "completed", "silence", "completed", "failed")).isEqualTo(67);
        assertThat(percentage("running", "generating", "completed", "completed", "completed", "completed")).isEqualTo(90);
    }

    @Test
    void scenesCompletedCountsCompletedAndSilencedScenes() throws Exception {
        JsonNode progress = build(job("running", "generating"), scenes("completed", "silence", "failed", "running"), null)
                .path("progress");

        assertThat(progress.path("scenes_completed").asInt()).isEqualTo(2);
    }

    @Test
    void mergingIsAtLeast90AndMuxingAtLeast95Percent() throws Exception {
        assertThat(percentage("running", "merging", "completed", "completed", "completed", "completed")).isEqualTo(90);
        assertThat(percentage("running", "merging", "completed")).isEqualTo(90);
        assertThat(percentage("running", "muxing", "completed", "completed", "completed", "completed")).isEqualTo(95);
    }

    @Test
    void aCompletedJobIsAt100PercentWithItsSoundtrackAvailable() throws Exception {
        JsonNode doc = build(job("completed", "done"), scenes("completed", "completed", "silence", "completed"), soundtrack());

        assertThat(doc.path("progress").path("percentage").asInt()).isEqualTo(100);
        JsonNode audio = doc.path("audio");
        assertThat(audio.path("available").asBoolean()).isTrue();
        assertThat(audio.path("download_url").asText()).isEqualTo("/api/v3/audio/" + JOB_ID + "/download");
        assertThat(audio.path("timeline_url").asText()).isEqualTo("/api/v3/audio/" + JOB_ID + "/timeline.png");
        assertThat(audio.path("format").asText()).isEqualTo("mp3");
        assertThat(audio.path("duration_seconds").asDouble()).isEqualTo(15.5);
        assertThat(audio.path("size_bytes").asLong()).isEqualTo(372_000L);
    }

    @Test
    void withoutASoundtrackTheAudioIsUnavailable() throws Exception {
        JsonNode audio = build(job("running", "generating"), List.of(), null).path("audio");

        assertThat(audio.path("available").asBoolean(true)).isFalse();
        assertThat(audio.path("download_url").isNull()).isTrue();
        assertThat(audio.has("timeline_url")).isTrue();
        assertThat(audio.path("timeline_url").isNull()).isTrue();
        assertThat(audio.path("format").isNull()).isTrue();
        assertThat(audio.path("size_bytes").isNull()).isTrue();
    }

    @Test
    void storedParamsAreEmbeddedAsJsonAndTimesAreIsoUtc() throws Exception {
        Map<String, Object> job = job("failed", "generating");
        job.put("audio_params", "{\"fade_duration\": 2.0, \"output_format\": \"wav\"}");
        job.put("error", "scene 2: the music source failed");

        JsonNode doc = build(job, List.of(), null);

        assertThat(doc.path("audio_params").path("fade_duration").asDouble()).isEqualTo(2.0);
        assertThat(doc.path("audio_params").path("output_format").asText()).isEqualTo("wav");
        assertThat(doc.path("error").asText()).isEqualTo("scene 2: the music source failed");
        assertThat(doc.path("created_at").asText()).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(doc.path("updated_at").asText()).isEqualTo("2024-05-06T07:10:00.25Z");
        assertThat(doc.path("video").path("available").asBoolean(true)).isFalse();
    }

    @Test
    void absentParamsAndTimesAreNull() throws Exception {
        Map<String, Object> job = job("queued", null);
        job.put("updated_at", null);

        JsonNode doc = build(job, List.of(), null);

        assertThat(doc.path("audio_params").isNull()).isTrue();
        assertThat(doc.path("updated_at").isNull()).isTrue();
    }
}
