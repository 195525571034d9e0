package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.FieldError;
import io.scenescore.job.JobRefused;
import io.scenescore.job.JobRequests;
import io.scenescore.job.JobRequests.RegenerateRequest;
import io.scenescore.job.Regenerations;
import io.scenescore.job.Regenerations.Regeneration;

/** A scene made again: its body read like audio_params (unknown fields refused), and what the job must have for it. */
class RegenerationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = "3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c";
    private final JobRequests requests = new JobRequests();
    private final Regenerations regenerations = new Regenerations();

    private static Map<String, Object> job(String status, int versions, String stored) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", JOB);
        row.put("status", status);
        row.put("storyboard", "{\"scenes\": [{\"description\": \"a\", \"duration\": 2}, {\"prompt\": \"b\", \"duration\": 2},"
                + " {\"description\": \"c\", \"duration\": 2}]}");
        row.put("versions", (long) versions);
        row.put("stored", stored);
        return row;
    }

    private static JobRefused refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        JobRefused refused = catchThrowableOfType(JobRefused.class, call);
        assertThat(refused).isNotNull();
        return refused;
    }

    @Test
    void noBodyMakesTheSceneAgainAsItIs() throws Exception {
        RegenerateRequest request = requests.readRegenerate("");

        Regeneration plan = regenerations.plan(request, job("completed", 1, "[0, 1, 2]"), JOB, 1);

        assertThat(plan.scenes()).containsExactly(1);
        assertThat(plan.overridesJson()).isEqualTo("{}");
        assertThat(JSON.readTree(plan.json()).has("seed")).isFalse();
    }

    @Test
    void followingMakesEverySceneAfterItAgainAndTheSeedIsTheRunsOwn() throws Exception {
        RegenerateRequest request = requests.readRegenerate("{\"following\": true, \"seed\": 9, \"music_style\": \"jazz\"}");

        Regeneration plan = regenerations.plan(request, job("completed", 2, "[0, 1, 2]"), JOB, 1);

        assertThat(plan.scenes()).containsExactly(1, 2);
        assertThat(JSON.readTree(plan.json()).path("seed").asLong()).isEqualTo(9);
        assertThat(JSON.readTree(plan.json()).path("scenes").toString()).isEqualTo("[1,2]");
        assertThat(JSON.readTree(plan.overridesJson()).path("music_style").asText()).isEqualTo("jazz");
    }

    @Test
    void unknownAndMistypedFieldsAreEachNamed() {
        JobRefused refused = refusal(() -> requests.readRegenerate("{\"tempo\": 90, \"seed\": 1.5, \"following\": \"yes\", \"prompt\": 3}"));

        assertThat(Refusals.status(refused)).isEqualTo(400);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("tempo", "seed", "following", "prompt");
        assertThat(refusal(() -> requests.readRegenerate("{\"scene\": 1}")).errors()).extracting(FieldError::field).containsExactly("scene");
        assertThat(refusal(() -> requests.readRegenerate("{\"prompt\": \"" + "x".repeat(2001) + "\"}")).getMessage()).isNotNull();
    }

    @Test
    void aRegenerateCarriesItsOwnWebhookLikeAnyRequestThatStartsARun() throws Exception {
        RegenerateRequest request = requests.readRegenerate(
                "{\"webhook_url\": \"https://hooks.example.com/score\", \"webhook_events\": [\"run.completed\", \"scene.completed\"]}");

        assertThat(request.webhookUrl()).isEqualTo("https://hooks.example.com/score");
        assertThat(request.webhookEvents()).isEqualTo("run.completed,scene.completed");
        assertThat(requests.readRegenerate("{}").webhookUrl()).isNull();
        assertThat(refusal(() -> requests.readRegenerate("{\"webhook_url\": \"ftp://x\", \"webhook_events\": [\"run.done\"]}")).errors())
                .extracting(FieldError::field).contains("webhook_url", "webhook_events[0]");
    }

    @Test
    void aDroppedFileNamesItsScene() throws Exception {
        assertThat(requests.readDroppedRegenerate("{\"scene\": 2}").scene()).isEqualTo(2);
        assertThat(refusal(() -> requests.readDroppedRegenerate("{}")).errors()).extracting(FieldError::field).containsExactly("scene");
        assertThat(refusal(() -> requests.readDroppedRegenerate("{\"scene\": -1}")).errors()).extracting(FieldError::field).containsExactly("scene");
    }

    @Test
    void theJobMustHaveTheSceneAVersionNoActiveRunAndThePiecesItReuses() throws Exception {
        RegenerateRequest request = requests.readRegenerate("{}");

        assertThat(Refusals.status(refusal(() -> regenerations.plan(request, null, JOB, 0)))).isEqualTo(404);
        JobRefused noScene = refusal(() -> regenerations.plan(request, job("completed", 1, "[0, 1, 2]"), JOB, 3));
        assertThat(Refusals.status(noScene)).isEqualTo(404);
        assertThat(noScene.getMessage()).contains("0 to 2").contains("no scene 3");
        assertThat(Refusals.status(refusal(() -> regenerations.plan(request, job("running", 1, "[0, 1, 2]"), JOB, 0)))).isEqualTo(409);
        assertThat(Refusals.status(refusal(() -> regenerations.plan(request, job("queued", 1, "[0, 1, 2]"), JOB, 0)))).isEqualTo(409);
        JobRefused never = refusal(() -> regenerations.plan(request, job("created", 0, null), JOB, 0));
        assertThat(Refusals.status(never)).isEqualTo(409);
        assertThat(never.getMessage()).contains("no run of job");
        // a full run failed after scene 0: scene 1 alone cannot be joined with a scene 2 that is not there
        JobRefused missing = refusal(() -> regenerations.plan(request, job("failed", 1, "[0]"), JOB, 1));
        assertThat(Refusals.status(missing)).isEqualTo(409);
        assertThat(missing.getMessage()).contains("scene 2").contains("following");
        assertThat(regenerations.plan(requests.readRegenerate("{\"following\": true}"), job("failed", 1, "[0]"), JOB, 1).scenes())
                .containsExactly(1, 2);
    }

    @Test
    void newWordsMustLeaveTheSceneADescriptionOrAPrompt() throws Exception {
        RegenerateRequest blanking = requests.readRegenerate("{\"prompt\": \" \"}");

        JobRefused refused = refusal(() -> regenerations.plan(blanking, job("completed", 1, "[0, 1, 2]"), JOB, 1));

        assertThat(Refusals.status(refused)).isEqualTo(400);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("description");
        assertThat(regenerations.plan(blanking, job("completed", 1, "[0, 1, 2]"), JOB, 0).scenes()).containsExactly(0);
    }

    @Test
    void versionsAndSceneIndexesFromTheQueryAndPath() {
        assertThat(requests.version(null)).isNull();
        assertThat(requests.version("3")).isEqualTo(3);
        assertThat(refusal(() -> requests.version("0")).errors()).extracting(FieldError::field).containsExactly("version");
        assertThat(refusal(() -> requests.version("latest")).errors()).extracting(FieldError::field).containsExactly("version");
        assertThat(requests.sceneIndex("4")).isEqualTo(4);
        assertThat(refusal(() -> requests.sceneIndex("four")).errors()).extracting(FieldError::field).containsExactly("index");
        assertThat(List.of()).isEmpty();
    }
}
