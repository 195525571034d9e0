package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.JobRefused;
import io.scenescore.status.CueSheets;

/** The cue sheet: spans that add up, SMPTE timecode (drop-frame where it applies), licences, and its CSV. */
class CueSheetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CueSheets sheets = new CueSheets();

    @Test
    void timecodeCountsFramesAtTheRate() {
        assertThat(CueSheets.timecode(0, 25)).isEqualTo("00:00:00:00");
        assertThat(CueSheets.timecode(8.48, 25)).isEqualTo("00:00:08:12");
        assertThat(CueSheets.timecode(3661.04, 25)).isEqualTo("01:01:01:01");
        assertThat(CueSheets.timecode(2.5, 24)).isEqualTo("00:00:02:12");
        assertThat(CueSheets.timecode(1.5, 50)).isEqualTo("00:00:01:25");
    }

    @Test
    void at2997TheTimecodeDropsFramesToKeepToTheClock() {
        double fps = 30000.0 / 1001;
        // frame 1800 is the first of minute 1: frames ;00 and ;01 of that minute are skipped
        assertThat(CueSheets.timecode(1799 / fps, fps)).isEqualTo("00:00:59;29");
        assertThat(CueSheets.timecode(1800 / fps, fps)).isEqualTo("00:01:00;02");
        // every tenth minute keeps them
        assertThat(CueSheets.timecode(17982 / fps, fps)).isEqualTo("00:10:00;00");
        assertThat(CueSheets.timecode(3600, fps)).isEqualTo("01:00:00;00");
    }

    private static Map<String, Object> row(String scenes, Double frameRate) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", "j");
        row.put("status", "completed");
        row.put("storyboard", "{\"scenes\": []}");
        row.put("latest", 2);
        row.put("version", 2);
        row.put("duration_seconds", 10.5);
        row.put("audio_params", "{\"transition\": \"crossfade\", \"fade_duration\": 1.0}");
        row.put("scenes", scenes);
        row.put("frame_rate", frameRate);
        return row;
    }

    static final String SCENES = """
            [{"index": 0, "title": "=SUM(A1)", "duration_seconds": 4.25, "source": "replicate",
              "cue": {"prompt": "strings, slow", "seed": 7, "model": "meta/musicgen", "model_version": "stereo-large",
                      "version_id": "abc", "prediction_ids": ["p1", "p2"]}},
             {"index": 1, "title": "Quiet", "duration_seconds": 3.5, "source": "composer",
              "cue": {"prompt": "description: a \\"calm\\" sea", "seed": 7, "model": "scenescore-composer", "prediction_ids": []}},
             {"index": 2, "title": "End", "duration_seconds": 2.75, "source": "silence", "cue": null}]""";

    @Test
    void spansFollowOneAnotherAndAddUpToTheSoundtrack() throws Exception {
        JsonNode sheet = JSON.readTree(sheets.sheet(row(SCENES, null), "j", null));

        assertThat(sheet.path("frame_rate").asDouble()).isEqualTo(25.0);
        JsonNode scenes = sheet.path("scenes");
        assertThat(scenes.get(0).path("start_seconds").asDouble()).isZero();
        assertThat(scenes.get(1).path("start_seconds").asDouble()).isEqualTo(4.25);
        assertThat(scenes.get(2).path("start_seconds").asDouble()).isEqualTo(7.75);
        assertThat(scenes.get(2).path("end_seconds").asDouble()).isEqualTo(10.5);
        assertThat(sheet.path("duration_seconds").asDouble()).isEqualTo(10.5);
        assertThat(scenes.get(1).path("start_timecode").asText()).isEqualTo("00:00:04:06");
        assertThat(scenes.get(0).path("licence").asText()).contains("CC-BY-NC 4.0");
        assertThat(scenes.get(1).path("licence").asText()).contains("no licence restriction");
        assertThat(scenes.get(2).path("licence").asText()).contains("no licence restriction");
        assertThat(scenes.get(0).path("prediction_ids")).hasSize(2);
        assertThat(sheet.path("licence_note").asText()).contains("not for commercial use without clearance");
        assertThat(JSON.readTree(sheets.sheet(row(SCENES, 30.0), "j", 2)).at("/scenes/1/start_timecode").asText()).isEqualTo("00:00:04:08");
    }

    @Test
    void theCsvHasAHeaderAndARowPerSceneQuotedAndSafeForSpreadsheets() throws Exception {
        String csv = sheets.csv(sheets.sheet(row(SCENES, null), "j", null));

        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("index,title,start_seconds,end_seconds,start_timecode,end_timecode,duration_seconds,source,"
                + "prompt,seed,model,model_version,version_id,prediction_ids,licence");
        assertThat(lines[1]).startsWith("0,'=SUM(A1),0.0,4.25,00:00:00:00,00:00:04:06,4.25,replicate,\"strings, slow\",7,meta/musicgen,stereo-large,abc,p1 p2,");
        assertThat(lines[2]).contains(",\"description: a \"\"calm\"\" sea\",");
        assertThat(lines[3]).startsWith("2,End,7.75,10.5,00:00:07:19,00:00:10:13,2.75,silence,,,,,,,");
    }

    @Test
    void anUnknownVersionIsA404AndNoneYetA409() {
        Map<String, Object> none = row(SCENES, null);
        none.put("version", null);
        none.put("latest", null);
        JobRefused missing = catchThrowableOfType(JobRefused.class, () -> sheets.sheet(none, "j", 4));
        assertThat(Refusals.status(missing)).isEqualTo(404);
        assertThat(Refusals.status(catchThrowableOfType(JobRefused.class, () -> sheets.sheet(none, "j", null)))).isEqualTo(409);
        assertThat(Refusals.status(catchThrowableOfType(JobRefused.class, () -> sheets.sheet(null, "j", null)))).isEqualTo(404);
        assertThat(Refusals.status(catchThrowableOfType(JobRefused.class, () -> sheets.format("xml")))).isEqualTo(400);
        assertThat(sheets.format(null)).isEqualTo("json");
        assertThat(sheets.format("CSV")).isEqualTo("csv");
    }
}
