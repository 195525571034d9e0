package io.scenescore.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scenescore.job.InvalidFields;
import io.scenescore.job.NotReady;
import io.scenescore.job.UnknownJob;
import io.scenescore.job.UnknownVersion;

/**
 * The cue sheet of a version of a job's soundtrack, what a music supervisor files for a production: per scene its
 * span in the soundtrack (seconds, and SMPTE timecode at the video's frame rate, 25 fps without a video), where its
 * music came from, the exact prompt sent (for the composer, the words it was given), seed, model and version id,
 * prediction ids, and the licence that goes with it. Spans follow the join: with a fade each piece lasts its scene;
 * with a crossfade each overlaps the next by the fade, which the join takes out again, so a scene starts where the
 * scenes before it end in either case and the spans add up to the soundtrack's length.
 */
public final class CueSheets {

    public static final double DEFAULT_FRAME_RATE = 25;
    static final String MUSICGEN_LICENCE = "MusicGen (Meta) model weights are licensed CC-BY-NC 4.0: this output is not for "
            + "commercial use without clearance";
    static final String COMPOSER_LICENCE = "made by SceneScore's built-in composer: no licence restriction";
    static final String SILENCE_LICENCE = "silence: no licence restriction";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CSV_COLUMNS = List.of("index", "title", "start_seconds", "end_seconds", "start_timecode",
            "end_timecode", "duration_seconds", "source", "prompt", "seed", "model", "model_version", "version_id",
            "prediction_ids", "licence");

    /** The format asked for with ?format= (json, the default, or csv). */
    public String format(String raw) {
        if (raw == null || raw.isBlank() || raw.strip().equalsIgnoreCase("json")) {
            return "json";
        }
        if (raw.strip().equalsIgnoreCase("csv")) {
            return "csv";
        }
        throw new InvalidFields("format", "must be json or csv, got \"" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "\"");
    }

    /**
     * The cue sheet (JSON) from sql/select-cue-sheet.sql's row: 404 no such job or version, 409 no version yet.
     *
     * @param asked the version asked for (null: the latest)
     */
    public String sheet(Map<String, Object> row, String jobId, Integer asked) throws IOException {
        if (row == null) {
            throw new UnknownJob(jobId);
        }
        if (row.get("version") == null) {
            if (asked != null) {
                throw new UnknownVersion("job " + jobId + " has no version " + asked + (row.get("latest") == null
                        ? ": no run of it has completed yet" : "; its versions are 1 to " + row.get("latest")));
            }
            throw new NotReady("job " + jobId + " has no soundtrack yet (status " + row.get("status") + "): its cue sheet comes with it");
        }
        double fps = row.get("frame_rate") == null ? DEFAULT_FRAME_RATE : ((Number) row.get("frame_rate")).doubleValue();
        JsonNode params = row.get("audio_params") == null ? JSON.createObjectNode() : JSON.readTree(String.valueOf(row.get("audio_params")));
        JsonNode made = row.get("scenes") == null ? null : JSON.readTree(String.valueOf(row.get("scenes")));
        JsonNode storyboard = JSON.readTree(String.valueOf(row.get("storyboard"))).path("scenes");

        ObjectNode sheet = JSON.createObjectNode();
        sheet.put("job_id", jobId);
        sheet.put("version", ((Number) row.get("version")).intValue());
        sheet.put("created_at", StatusDocuments.timestamp(row.get("created_at")));
        sheet.put("frame_rate", fps);
        sheet.put("frame_rate_from", row.get("frame_rate") == null ? "default (the job has no video)" : "the job's video");
        sheet.put("transition", params.path("transition").asText(null));
        sheet.put("fade_duration", params.path("fade_duration").isNumber() ? params.get("fade_duration").doubleValue() : null);
        ArrayNode scenes = sheet.putArray("scenes");
        double start = 0;
        boolean musicgen = false;
        int count = made != null && made.isArray() ? made.size() : storyboard.size();
        for (int i = 0; i < count; i++) {
            JsonNode scene = made != null && made.isArray() ? made.get(i) : storyboard.get(i);
            double duration = scene.path("duration_seconds").isNumber() ? scene.get("duration_seconds").doubleValue()
                    : scene.path("duration").asDouble();
            double end = start + duration;
            JsonNode cue = scene.path("cue");
            String source = scene.path("source").asText(null);
            ObjectNode out = scenes.addObject();
            out.put("index", scene.has("index") ? scene.get("index").asInt() : i);
            out.put("title", scene.path("title").isTextual() ? scene.get("title").textValue() : null);
            out.put("start_seconds", millis(start));
            out.put("end_seconds", millis(end));
            out.put("start_timecode", timecode(start, fps));
            out.put("end_timecode", timecode(end, fps));
            out.put("duration_seconds", millis(duration));
            out.put("source", source);
            out.put("prompt", cue.path("prompt").asText(null));
            if (cue.path("seed").isNumber()) {
                out.put("seed", cue.get("seed").asLong());
            } else {
                out.putNull("seed");
            }
            out.put("model", cue.path("model").asText(null));
            out.put("model_version", cue.path("model_version").asText(null));
            out.put("version_id", cue.path("version_id").asText(null));
            ArrayNode ids = out.putArray("prediction_ids");
            cue.path("prediction_ids").forEach(ids::add);
            out.put("licence", licence(source));
            musicgen |= "replicate".equals(source);
            start = end;
        }
        sheet.put("duration_seconds", millis(start));
        sheet.put("duration_timecode", timecode(start, fps));
        sheet.put("licence_note", musicgen
                ? "Scenes whose source is replicate were made with MusicGen, whose model weights are licensed CC-BY-NC 4.0: "
                        + "their music is not for commercial use without clearance. The built-in composer's music and silence carry no such limit."
                : "No scene was made with MusicGen: the built-in composer's music and silence carry no licence restriction.");
        return JSON.writeValueAsString(sheet);
    }

    /** The same sheet as CSV (RFC 4180, one row per scene, with a header row), for spreadsheets. */
    public String csv(String sheetJson) throws IOException {
        JsonNode sheet = JSON.readTree(sheetJson);
        StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (JsonNode scene : sheet.path("scenes")) {
            List<String> cells = new ArrayList<>();
            for (String column : CSV_COLUMNS) {
                JsonNode value = scene.path(column);
                String text;
                if (value.isArray()) {
                    List<String> parts = new ArrayList<>();
                    value.forEach(v -> parts.add(v.asText()));
                    text = String.join(" ", parts);
                } else if (value.isNull() || value.isMissingNode()) {
                    text = "";
                } else {
                    text = value.asText();
                }
                cells.add(cell(text, value.isTextual()));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    /** What a scene's source means for its use. */
    static String licence(String source) {
        if ("replicate".equals(source)) {
            return MUSICGEN_LICENCE;
        }
        if ("composer".equals(source)) {
            return COMPOSER_LICENCE;
        }
        return SILENCE_LICENCE;
    }

    /**
     * SMPTE timecode of {@code seconds} at {@code fps}: HH:MM:SS:FF counting whole frames at the nominal rate;
     * drop-frame (HH:MM:SS;FF) at 29.97 and 59.94, so that the timecode keeps to the clock.
     */
    public static String timecode(double seconds, double fps) {
        long frames = Math.round(seconds * fps);
        int nominal = (int) Math.round(fps);
        boolean drop = Math.abs(fps - 30000.0 / 1001) < 0.01 || Math.abs(fps - 60000.0 / 1001) < 0.01;
        if (drop) {
            int dropped = nominal / 15;                  // 2 at 29.97, 4 at 59.94
            long perTenMinutes = Math.round(fps * 600);  // 17982 at 29.97
            long perMinute = nominal * 60L - dropped;
            long tens = frames / perTenMinutes;
            long rest = frames % perTenMinutes;
            frames += dropped * 9L * tens + (rest > dropped ? dropped * ((rest - dropped) / perMinute) : 0);
        }
        long ff = frames % nominal;
        long totalSeconds = frames / nominal;
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s%02d", totalSeconds / 3600, totalSeconds / 60 % 60, totalSeconds % 60,
                drop ? ";" : ":", ff);
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** A CSV cell: quoted when needed; text a spreadsheet would run as a formula is prefixed with a quote. */
    static String cell(String text, boolean isText) {
        String value = text;
        if (isText && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }


}
