package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.status.StatusDocuments;

/** The status document carries the stored storyboard, saying whether it was given or made from the video. */
class StoryboardStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> job(String storyboard, String made) {
        Map<String, Object> job = new HashMap<>();
        job.put("id", "3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c");
        job.put("status", "created");
        job.put("storyboard", storyboard);
        job.put("storyboard_made", made);
        return job;
    }

    @Test
    void aStoryboardMadeFromTheVideoIsShownWithHowAndItsFeatures() throws Exception {
        String storyboard = "{\"scenes\": [{\"title\": \"Scene 1\", \"description\": \"dark, calm shot\", \"duration\": 3.04, "
                + "\"features\": {\"motion\": 0.01, \"brightness\": 0.06}}]}";

        JsonNode doc = JSON.readTree(new StatusDocuments().build(job(storyboard, "{\"threshold\": 0.1, \"cuts_detected\": 0}"), List.of(), null));

        assertThat(doc.at("/storyboard/made").asText()).isEqualTo("auto");
        assertThat(doc.at("/storyboard/auto/threshold").asDouble()).isEqualTo(0.1);
        assertThat(doc.at("/storyboard/scenes/0/features/brightness").asDouble()).isEqualTo(0.06);
        assertThat(doc.at("/progress/scenes/0/duration_seconds").asDouble()).isEqualTo(3.04);
    }

    @Test
    void aGivenStoryboardIsShownAsGiven() throws Exception {
        JsonNode doc = JSON.readTree(new StatusDocuments().build(job("{\"scenes\": [{\"description\": \"rain\", \"duration\": 4}]}", null), List.of(), null));

        assertThat(doc.at("/storyboard/made").asText()).isEqualTo("given");
        assertThat(doc.at("/storyboard/auto").isNull()).isTrue();
        assertThat(doc.at("/storyboard/scenes/0/description").asText()).isEqualTo("rain");
    }
}
