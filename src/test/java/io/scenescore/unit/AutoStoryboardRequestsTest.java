package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.scenescore.job.AutoStoryboard;
import io.scenescore.job.FieldError;
import io.scenescore.job.InvalidFields;
import io.scenescore.job.JobRequests;
import io.scenescore.job.JobRequests.JobDraft;
import io.scenescore.job.JobRequests.RunRequest;
import io.scenescore.job.Scene;

/** "storyboard": "auto" (or none) in a job, its auto_storyboard settings checked field by field. */
class AutoStoryboardRequestsTest {

    private final JobRequests requests = new JobRequests();

    @Test
    void autoOrNoStoryboardAsksForOneMadeFromTheVideoWithTheDefaults() throws Exception {
        for (String body : new String[] {"{\"storyboard\": \"auto\"}", "{}", "{\"storyboard\": null, \"video_url\": \"https://example.com/a.mp4\"}"}) {
            JobDraft draft = requests.readJob(body);

            assertThat(draft.storyboardToMake()).as(body).isTrue();
            assertThat(draft.auto()).isEqualTo(new AutoStoryboard(AutoStoryboard.DEFAULT_THRESHOLD, 2, 200));
            assertThat(draft.scenes()).isEmpty();
        }
    }

    @Test
    void settingsAreRead() throws Exception {
        JobDraft draft = requests.readJob("{\"storyboard\": \"auto\", \"auto_storyboard\": {\"threshold\": 0.3, \"min_scene_seconds\": 1.5, \"max_scenes\": 12}}");

        assertThat(draft.auto()).isEqualTo(new AutoStoryboard(0.3, 1.5, 12));
    }

    @Test
    void badSettingsAreNamedEachOnItsOwn() {
        InvalidFields refused = catchThrowableOfType(InvalidFields.class, () -> requests.readJob(
                "{\"storyboard\": \"auto\", \"auto_storyboard\": {\"threshold\": 0, \"min_scene_seconds\": \"two\", \"max_scenes\": 201, \"speed\": 2}}"));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("auto_storyboard.speed",
                "auto_storyboard.threshold", "auto_storyboard.min_scene_seconds", "auto_storyboard.max_scenes");
        assertThat(refused.errors()).filteredOn(e -> e.field().endsWith("max_scenes")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("from 1 to 200", "201"));
    }

    @Test
    void settingsWithAGivenStoryboardAndAnotherWordThanAutoAreRefused() {
        InvalidFields withGiven = catchThrowableOfType(InvalidFields.class, () -> requests.readJob(
                "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}, \"auto_storyboard\": {}}"));
        InvalidFields otherWord = catchThrowableOfType(InvalidFields.class, () -> requests.readJob("{\"storyboard\": \"automatic\"}"));

        assertThat(withGiven.errors()).extracting(FieldError::field).containsExactly("auto_storyboard");
        assertThat(otherWord.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("storyboard");
            assertThat(e.message()).contains("\"auto\"", "automatic");
        });
    }

    @Test
    void anInlineRunWithAutoIsCheckedAgainstItsScenesOnceTheyAreMade() throws Exception {
        RunRequest run = requests.readRun("{\"storyboard\": \"auto\", \"video_url\": \"https://example.com/a.mp4\", \"audio_params\": {\"fade_duration\": 2}}");
        assertThat(run.inline()).isTrue();
        JobDraft made = run.job().withStoryboard("{\"scenes\": []}", List.of(
                new Scene(0, "Scene 1", "a", 3.0, null, null, "low", null), new Scene(1, "Scene 2", "b", 2.5, null, null, "high", null)), "{}");

        InvalidFields refused = catchThrowableOfType(InvalidFields.class, () -> requests.withMadeStoryboard(run, made));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("audio_params.fade_duration");
        RunRequest fine = requests.withMadeStoryboard(requests.readRun("{\"storyboard\": \"auto\", \"video_url\": \"https://example.com/a.mp4\"}"), made);
        assertThat(fine.job().scenes()).hasSize(2);
    }
}
