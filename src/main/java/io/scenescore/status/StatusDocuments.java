package io.scenescore.status;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the status document of a job from its stored rows. */
public final class StatusDocuments {

    /** What a draft (continuity independent) trades, said in its status. */
    static final String DRAFT = "every scene made at once, none continuing the one before (about one prediction's"
            + " time for the whole storyboard); the music changes at each cut, joined by the transition. Run it again with"
            + " continuity chain for the final score";


    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param job        the job row
     * @param sceneRows  its scene rows (scenes not yet started have none)
     * @param soundtrack the soundtrack row without its bytes, or null
     */
    public String build(Map<String, Object> job, List<Map<String, Object>> sceneRows, Map<String, Object> soundtrack)
            throws IOException {
        return build(job, sceneRows, soundtrack, null);
    }

    /**
     * The status document from the one row of sql/select-status.sql (job, scenes as JSON, soundtrack and videos);
     * null when the row names no job.
     */
    public String fromRow(Map<String, Object> row) throws IOException {
        if (row == null || row.get("id") == null) {
            return null;
        }
        Object sceneJson = row.get("scene_rows");
        List<Map<String, Object>> scenes = sceneJson == null ? List.of()
                : JSON.readValue(String.valueOf(sceneJson), new TypeReference<List<Map<String, Object>>>() { });
        Map<String, Object> soundtrack = null;
        if (Boolean.TRUE.equals(row.get("has_soundtrack"))) {
            soundtrack = new HashMap<>();
            soundtrack.put("format", row.get("soundtrack_format"));
            soundtrack.put("duration_seconds", row.get("soundtrack_duration_seconds"));
            soundtrack.put("size_bytes", row.get("soundtrack_size_bytes"));
            soundtrack.put("loudness_integrated", row.get("loudness_integrated"));
            soundtrack.put("loudness_true_peak", row.get("loudness_true_peak"));
            soundtrack.put("loudness_range", row.get("loudness_range"));
            soundtrack.put("version", row.get("soundtrack_version"));
        }
        Map<String, Object> videos = new HashMap<>(row);
        videos.put("error", row.get("video_error"));
        String document = build(row, scenes, soundtrack, videos);
        return row.containsKey("webhook_rows") ? withWebhooks(document, row.get("webhook_rows")) : document;
    }

    /**
     * The document with its run's webhook deliveries appended ({@code webhooks}: one entry per event, oldest first:
     * id (the webhook-id), event, scene_index, attempts, last_status, last_error, last_attempt_at, delivered_at,
     * next_attempt_at (while it is pending), given_up_at, and state: pending, delivered or given_up).
     */
    static String withWebhooks(String document, Object webhookRows) throws IOException {
        List<Map<String, Object>> rows = webhookRows == null ? List.of()
                : JSON.readValue(String.valueOf(webhookRows), new TypeReference<List<Map<String, Object>>>() { });
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> delivery = new LinkedHashMap<>();
            delivery.put("id", row.get("id"));
            delivery.put("event", row.get("event"));
            delivery.put("scene_index", row.get("scene_index"));
            delivery.put("state", row.get("delivered_at") != null ? "delivered" : row.get("given_up_at") != null ? "given_up" : "pending");
            delivery.put("attempts", row.get("attempts"));
            delivery.put("last_status", row.get("last_status"));
            delivery.put("last_error", row.get("last_error"));
            delivery.put("last_attempt_at", utc(row.get("last_attempt_at")));
            delivery.put("delivered_at", utc(row.get("delivered_at")));
            delivery.put("next_attempt_at", utc(row.get("next_attempt_at")));
            delivery.put("given_up_at", utc(row.get("given_up_at")));
            deliveries.add(delivery);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = JSON.readValue(document, LinkedHashMap.class);
        doc.put("webhooks", deliveries);
        return JSON.writeValueAsString(doc);
    }

    /** A time as PostgreSQL's JSON writes it (with the session's offset), in UTC like the document's other times. */
    private static String utc(Object value) {
        return value == null ? null : timestamp(OffsetDateTime.parse(String.valueOf(value)));
    }

    /** The loudness measured on the delivered soundtrack, rounded to a tenth; null when it was not measured. */
    static Map<String, Object> loudness(Map<String, Object> soundtrack) {
        if (soundtrack == null || soundtrack.get("loudness_integrated") == null) {
            return null;
        }
        Map<String, Object> loudness = new LinkedHashMap<>();
        loudness.put("integrated_lufs", tenth(soundtrack.get("loudness_integrated")));
        loudness.put("true_peak_dbtp", tenth(soundtrack.get("loudness_true_peak")));
        loudness.put("range_lu", tenth(soundtrack.get("loudness_range")));
        return loudness;
    }

    private static Double tenth(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }

    /** Whether a status document says the run completed with its soundtrack stored (the file drop then writes it). */
    public boolean soundtrackReady(String document) throws IOException {
        JsonNode doc = JSON.readTree(document);
        return "completed".equals(doc.path("status").asText()) && doc.at("/audio/available").asBoolean();
    }

    /**
     * @param videos the job's source and merged videos (columns source_*, has_source, merged, size_bytes,
     *               duration_seconds, error), or null (none) of the job's source and merged videos, or null (none)
     */
    public String build(Map<String, Object> job, List<Map<String, Object>> sceneRows, Map<String, Object> soundtrack,
                        Map<String, Object> videos) throws IOException {
        String jobId = String.valueOf(job.get("id"));
        String status = String.valueOf(job.get("status"));
        JsonNode storyboard = JSON.readTree(String.valueOf(job.get("storyboard")));
        JsonNode storedScenes = storyboard.path("scenes");
        Map<Integer, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> row : sceneRows) {
            rows.put(((Number) row.get("scene_index")).intValue(), row);
        }
        List<Map<String, Object>> scenes = new ArrayList<>();
        int finished = 0;
        for (int i = 0; i < storedScenes.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Map<String, Object> scene = new LinkedHashMap<>();
            scene.put("index", i);
            scene.put("title", storedScenes.get(i).path("title").isTextual() ? storedScenes.get(i).get("title").textValue() : null);
            String sceneStatus = row == null ? "pending" : String.valueOf(row.get("status"));
            scene.put("status", sceneStatus);
            scene.put("source", row == null ? null : row.get("source"));
            scene.put("prediction_id", row == null ? null : row.get("prediction_id"));
            scene.put("duration_seconds", storedScenes.get(i).path("duration").asDouble());
            scene.put("error", row == null ? null : row.get("error"));
            if ("completed".equals(sceneStatus) || "silence".equals(sceneStatus)) {
                finished++;
            }
            scenes.add(scene);
        }
        String stage = job.get("stage") == null ? null : String.valueOf(job.get("stage"));
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("percentage", percentage(status, stage, finished, scenes.size()));
        progress.put("stage", stage);
        // only when there is one: e.g. "waited 12 s for the database" after a database restart the run rode out
        if (job.get("note") != null) {
            progress.put("note", String.valueOf(job.get("note")));
        }
        JsonNode params = job.get("audio_params") == null ? null : JSON.readTree(String.valueOf(job.get("audio_params")));
        if (params != null && "independent".equals(params.path("continuity").asText())) {
            progress.put("draft", DRAFT);
        }
        progress.put("scenes_total", scenes.size());
        progress.put("scenes_completed", finished);
        progress.put("scenes", scenes);

        Map<String, Object> audio = new LinkedHashMap<>();
        audio.put("available", soundtrack != null);
        audio.put("duration_seconds", soundtrack == null ? null : soundtrack.get("duration_seconds"));
        audio.put("size_bytes", soundtrack == null ? null : soundtrack.get("size_bytes"));
        audio.put("format", soundtrack == null ? null : soundtrack.get("format"));
        audio.put("download_url", soundtrack == null ? null : "/api/v3/audio/" + jobId + "/download");
        audio.put("loudness", loudness(soundtrack));
        if (soundtrack != null && soundtrack.get("version") != null) {
            // the version the block describes (the latest); versions lists them all
            audio.put("version", soundtrack.get("version"));
        }
        audio.put("timeline_url", soundtrack == null ? null : "/api/v3/audio/" + jobId + "/timeline.png");

        Map<String, Object> video = video(jobId, videos);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("job_id", jobId);
        doc.put("status", status);
        doc.put("progress", progress);
        doc.put("audio", audio);
        doc.put("video", video);
        doc.put("audio_params", params);
        doc.put("error", job.get("error"));
        doc.put("created_at", timestamp(job.get("created_at")));
        doc.put("updated_at", timestamp(job.get("updated_at")));
        doc.put("storyboard", storyboard(storyboard, job.get("storyboard_made")));
        doc.put("versions", versions(jobId, job.get("versions")));
        return JSON.writeValueAsString(doc);
    }

    /**
     * Every completed run of the job, oldest first: its number, when it was made, its parameters, the scenes it made
     * again (null: all of them, a full run), and where its soundtrack and merged video (null: none) are.
     */
    static List<Map<String, Object>> versions(String jobId, Object versionsJson) throws IOException {
        List<Map<String, Object>> versions = new ArrayList<>();
        if (versionsJson == null) {
            return versions;
        }
        for (JsonNode v : JSON.readTree(String.valueOf(versionsJson))) {
            int number = v.path("version").asInt();
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("version", number);
            version.put("created_at", v.path("created_at").isNull() ? null
                    : timestamp(OffsetDateTime.parse(v.path("created_at").asText())));
            version.put("audio_params", v.path("audio_params").isMissingNode() || v.path("audio_params").isNull() ? null : v.get("audio_params"));
            version.put("regenerated_scenes", v.path("regenerated_scenes").isArray() ? v.get("regenerated_scenes") : null);
            version.put("download_url", "/api/v3/audio/" + jobId + "/download?version=" + number);
            version.put("video_url", v.path("merged").asBoolean() ? "/api/v3/jobs/" + jobId + "/video?version=" + number : null);
            versions.add(version);
        }
        return versions;
    }

    /**
     * The merged video: there (available, with its URL), or not, with the reason when muxing failed; and the
     * source video the job has, if any.
     */
    static Map<String, Object> video(String jobId, Map<String, Object> row) {
        boolean merged = row != null && Boolean.TRUE.equals(row.get("merged"));
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("available", merged);
        video.put("download_url", merged ? "/api/v3/jobs/" + jobId + "/video" : null);
        video.put("format", merged ? "mp4" : null);
        video.put("size_bytes", merged ? row.get("size_bytes") : null);
        video.put("duration_seconds", merged ? row.get("duration_seconds") : null);
        video.put("error", row == null ? null : row.get("error"));
        Map<String, Object> source = null;
        // how the music was laid under the video's own sound, and the loudness measured on the merged video
        video.put("mix", merged ? row.get("video_mix") : null);
        video.put("mix_note", merged ? row.get("video_mix_note") : null);
        Map<String, Object> measured = new HashMap<>();
        if (merged) {
            measured.put("loudness_integrated", row.get("video_loudness_integrated"));
            measured.put("loudness_true_peak", row.get("video_loudness_true_peak"));
            measured.put("loudness_range", row.get("video_loudness_range"));
        }
        video.put("loudness", loudness(measured));
        if (row != null && Boolean.TRUE.equals(row.get("has_source"))) {
            source = new LinkedHashMap<>();
            source.put("file_name", row.get("source_file_name"));
            source.put("content_type", row.get("source_content_type"));
            source.put("size_bytes", row.get("source_size_bytes"));
            source.put("duration_seconds", row.get("source_duration_seconds"));
            source.put("frame_rate", row.get("source_frame_rate"));
            source.put("sha256", row.get("source_sha256"));
        }
        video.put("source", source);
        return video;
    }

    /**
     * The job's storyboard as stored, for an editor to change and send again: {@code made} says whether it was given
     * or made from the video ({@code "auto"}, with how under {@code auto}: settings, cuts detected, the video's length;
     * each scene then carries its measured {@code features}).
     */
    static Map<String, Object> storyboard(JsonNode stored, Object made) throws IOException {
        Map<String, Object> storyboard = new LinkedHashMap<>();
        storyboard.put("made", made == null ? "given" : "auto");
        storyboard.put("auto", made == null ? null : JSON.readTree(String.valueOf(made)));
        storyboard.put("scenes", stored.path("scenes"));
        return storyboard;
    }

    /** Scenes take 90 % of the way; joining and muxing the rest, so the figure moves until done. */
    static int percentage(String status, String stage, int finished, int total) {
        if ("completed".equals(status)) {
            return 100;
        }
        if ("created".equals(status) || "queued".equals(status) || total == 0) {
            return 0;
        }
        int scenes = 90 * finished / total;
        if ("merging".equals(stage)) {
            return Math.max(scenes, 90);
        }
        if ("muxing".equals(stage)) {
            return Math.max(scenes, 95);
        }
        return scenes;
    }

    /** A database time as ISO-8601 with its offset (UTC), as every document of a job writes it. */
    static String timestamp(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ts.toInstant().atOffset(ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime odt) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(odt);
        }
        return value == null ? null : value.toString();
    }
}
