package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scenescore.job.FieldError;
import io.scenescore.job.Scene;
import io.scenescore.job.StoryboardReader;

/** Every storyboard rule names the exact field it refuses; a valid storyboard becomes Scene records. */
class StoryboardReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID_SCENE = "{\"description\": \"a quiet street\", \"duration\": 5}";

    private final List<FieldError> errors = new ArrayList<>();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Scene> read(String storyboard) {
        return StoryboardReader.read(json(storyboard), "storyboard", errors);
    }

    /** A storyboard of a valid first scene and {@code second} as the scene at index 1. */
    private List<Scene> readWithSecondScene(String second) {
        return read("{\"scenes\": [" + VALID_SCENE + ", " + second + "]}");
    }

    private static String scenes(int count) {
        ArrayNode list = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            list.addObject().put("description", "scene " + i).put("duration", 2);
        }
        ObjectNode storyboard = JSON.createObjectNode();
        storyboard.set("scenes", list);
        return storyboard.toString();
    }

    @Test
    void aValidStoryboardYieldsScenesWithTheirValuesInOrderAndIndexed() {
        List<Scene> scenes = read("""
                {"scenes": [
                  {"title": "Dawn", "description": "the sun rises", "duration": 12.5,
                   "music_description": "soft strings", "music_style": "ambient", "music_energy": "low"},
                  {"prompt": "driving drums", "duration": 3}
                ]}""");

        assertThat(errors).isEmpty();
        assertThat(scenes).containsExactly(
                new Scene(0, "Dawn", "the sun rises", 12.5, "soft strings", "ambient", "low", null),
                new Scene(1, null, null, 3.0, null, null, null, "driving drums"));
    }

    @Test
    void fieldPathsStartAtThePathTheStoryboardWasFoundAt() {
        StoryboardReader.read(json("{\"scenes\": [{\"description\": \"d\"}]}"), "job.storyboard", errors);

        assertThat(errors).extracting(FieldError::field).containsExactly("job.storyboard.scenes[0].duration");
    }

    @Test
    void anAbsentStoryboardIsRequired() {
        assertThat(StoryboardReader.read(null, "storyboard", errors)).isEmpty();
        assertThat(StoryboardReader.read(NullNode.getInstance(), "storyboard", errors)).isEmpty();
        assertThat(StoryboardReader.read(MissingNode.getInstance(), "storyboard", errors)).isEmpty();

        assertThat(errors).containsExactly(
                new FieldError("storyboard", "is required"),
                new FieldError("storyboard", "is required"),
                new FieldError("storyboard", "is required"));
    }

    @Test
    void aStoryboardThatIsNotAnObjectIsRefused() {
        assertThat(read("[" + VALID_SCENE + "]")).isEmpty();

        assertThat(errors).extracting(FieldError::field).containsExactly("storyboard");
    }

    @Test
    void missingOrNullScenesAreRequired() {
        read("{}");
        read("{\"scenes\": null}");

        assertThat(errors).containsExactly(
                new FieldError("storyboard.scenes", "is required"),
                new FieldError("storyboard.scenes", "is required"));
    }

    @Test
    void scenesThatAreNotAListAreRefused() {
        assertThat(read("{\"scenes\": " + VALID_SCENE + "}")).isEmpty();

        assertThat(errors).containsExactly(new FieldError("storyboard.scenes", "must be a list of scenes"));
    }

    @Test
    void anEmptySceneListIsRefused() {
        assertThat(read("{\"scenes\": []}")).isEmpty();

        assertThat(errors).containsExactly(new FieldError("storyboard.scenes", "must hold at least one scene"));
    }

    @Test
    void twoHundredScenesAreAcceptedButTwoHundredAndOneAreRefused() {
        assertThat(read(scenes(200))).hasSize(200).last().extracting(Scene::index).isEqualTo(199);
        assertThat(errors).isEmpty();

        assertThat(read(scenes(201))).isEmpty();
        assertThat(errors).containsExactly(
                new FieldError("storyboard.scenes", "holds 201 scenes; the limit is 200"));
    }

    @Test
    void aSceneThatIsNotAnObjectIsNamedByItsIndex() {
        List<Scene> scenes = readWithSecondScene("\"just text\"");

        assertThat(errors).containsExactly(new FieldError("storyboard.scenes[1]", "must be an object"));
        assertThat(scenes).extracting(Scene::index).containsExactly(0);
    }

    @ParameterizedTest(name = "duration {0} is refused")
    @ValueSource(strings = {"0", "-1", "-0.5", "300.01", "\"5\"", "true", "[5]"})
    void aDurationThatIsNotAPositiveNumberOfAtMost300SecondsIsRefused(String duration) {
        List<Scene> scenes = readWithSecondScene("{\"description\": \"d\", \"duration\": " + duration + "}");

        assertThat(errors).extracting(FieldError::field).containsExactly("storyboard.scenes[1].duration");
        assertThat(scenes).extracting(Scene::index).containsExactly(0);
    }

    @Test
    void aMissingOrNullDurationIsRequired() {
        readWithSecondScene("{\"description\": \"d\"}");
        readWithSecondScene("{\"description\": \"d\", \"duration\": null}");

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("storyboard.scenes[1].duration", "storyboard.scenes[1].duration");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).startsWith("is required"));
    }

    @Test
    void theErrorMessagesSayWhatIsWrongWithTheDuration() {
        readWithSecondScene("{\"description\": \"d\", \"duration\": 0}");
        readWithSecondScene("{\"description\": \"d\", \"duration\": 301}");
        readWithSecondScene("{\"description\": \"d\", \"duration\": \"ten\"}");

        assertThat(errors).extracting(FieldError::message).containsExactly(
                "must be greater than 0, got 0",
                "must be at most 300 seconds, got 301",
                "must be a number of seconds");
    }

    @Test
    void aDurationOfExactly300SecondsIsAccepted() {
        List<Scene> scenes = readWithSecondScene("{\"description\": \"d\", \"duration\": 300}");

        assertThat(errors).isEmpty();
        assertThat(scenes.get(1).duration()).isEqualTo(300.0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"duration\": 4}",
            "{\"duration\": 4, \"description\": \"   \"}",
            "{\"duration\": 4, \"description\": \"\", \"prompt\": \" \"}",
            "{\"duration\": 4, \"title\": \"only a title\"}"})
    void aSceneNeedsADescriptionOrAPrompt(String scene) {
        readWithSecondScene(scene);

        assertThat(errors).containsExactly(
                new FieldError("storyboard.scenes[1].description", "a description or a prompt is required"));
    }

    @Test
    void aPromptAloneOrADescriptionAloneIsEnough() {
        List<Scene> scenes = read("{\"scenes\": [{\"prompt\": \"p\", \"duration\": 1}, {\"description\": \"d\", \"duration\": 1}]}");

        assertThat(errors).isEmpty();
        assertThat(scenes).extracting(Scene::prompt).containsExactly("p", null);
        assertThat(scenes).extracting(Scene::description).containsExactly(null, "d");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"title", "description", "music_description", "music_style", "music_energy", "prompt"})
    void aTextFieldThatIsNotAStringIsRefused(String field) {
        ObjectNode scene = JSON.createObjectNode().put("description", "d").put("prompt", "p").put("duration", 3);
        scene.put(field, 42);

        readWithSecondScene(scene.toString());

        assertThat(errors).containsExactly(new FieldError("storyboard.scenes[1]." + field, "must be a string"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"title", "description", "music_description", "music_style", "music_energy", "prompt"})
    void aTextFieldOver2000CharactersIsRefused(String field) {
        ObjectNode scene = JSON.createObjectNode().put("description", "d").put("prompt", "p").put("duration", 3);
        scene.put(field, "x".repeat(2001));

        readWithSecondScene(scene.toString());

        assertThat(errors).containsExactly(new FieldError("storyboard.scenes[1]." + field,
                "is 2001 characters long; the limit is 2000"));
    }

    @Test
    void aTextFieldOfExactly2000CharactersIsAccepted() {
        String description = "x".repeat(2000);

        List<Scene> scenes = read("{\"scenes\": [{\"description\": \"" + description + "\", \"duration\": 1}]}");

        assertThat(errors).isEmpty();
        assertThat(scenes.get(0).description()).isEqualTo(description);
    }

    @Test
    void everyErrorOfEveryInvalidSceneIsReportedAtOnce() {
        List<Scene> scenes = read("""
                {"scenes": [
                  {"description": "fine", "duration": 2},
                  {"description": "no duration"},
                  {"title": 7, "duration": -3},
                  "not a scene",
                  {"prompt": "also fine", "duration": 4}
                ]}""");

        assertThat(errors).extracting(FieldError::field).containsExactly(
                "storyboard.scenes[1].duration",
                "storyboard.scenes[2].title",
                "storyboard.scenes[2].duration",
                "storyboard.scenes[2].description",
                "storyboard.scenes[3]");
        assertThat(scenes).extracting(Scene::index).containsExactly(0, 4);
    }
}
