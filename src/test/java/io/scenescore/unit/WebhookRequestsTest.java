package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.scenescore.job.AudioParams;
import io.scenescore.job.FieldError;
import io.scenescore.job.JobRefused;
import io.scenescore.job.JobRequests;
import io.scenescore.job.JobRequests.RunRequest;
import io.scenescore.webhook.WebhookAddresses;

/** A run request's webhook_url and webhook_events: read with the run, refused field by field. */
class WebhookRequestsTest {

    private static final String JOB = "\"job_id\": \"3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c\"";
    /** As the service reads them: private addresses refused. */
    private final JobRequests requests = new JobRequests(AudioParams.defaults(), new WebhookAddresses(false));
    private final JobRequests testRequests = new JobRequests(AudioParams.defaults(), new WebhookAddresses(true));

    private List<FieldError> refusal(JobRequests reader, String body) {
        JobRefused problem = catchThrowableOfType(JobRefused.class, () -> reader.readRun(body));
        assertThat(problem).as("readRun(%s) should be refused", body).isNotNull();
        assertThat(Refusals.status(problem)).isEqualTo(400);
        return problem.errors();
    }

    @Test
    void aRunWithoutWebhookHasNone() throws Exception {
        RunRequest run = requests.readRun("{" + JOB + "}");
        assertThat(run.webhook()).isNull();
        assertThat(run.webhookUrl()).isNull();
        assertThat(run.webhookEvents()).isNull();
    }

    @Test
    void aWebhookGetsTheThreeRunEventsUnlessItNamesOthers() throws Exception {
        RunRequest run = testRequests.readRun("{" + JOB + ", \"webhook_url\": \"http://127.0.0.1:9/hook?token=a\"}");
        assertThat(run.webhookUrl()).isEqualTo("http://127.0.0.1:9/hook?token=a");
        assertThat(run.webhook().events()).containsExactly("run.completed", "run.failed", "run.canceled");
        assertThat(run.webhookEvents()).isEqualTo("run.completed,run.failed,run.canceled");

        RunRequest scenes = testRequests.readRun("{" + JOB + ", \"webhook_url\": \"https://127.0.0.1/h\", "
                + "\"webhook_events\": [\"scene.completed\", \"run.completed\", \"scene.completed\"]}");
        assertThat(scenes.webhook().events()).containsExactly("scene.completed", "run.completed");
    }

    @Test
    void badUrlsAndEventsAreRefusedNamingTheField() {
        assertThat(refusal(testRequests, "{" + JOB + ", \"webhook_url\": \"ftp://example.com/x\"}"))
                .containsExactly(new FieldError("webhook_url", "must be an absolute http or https URL"));
        assertThat(refusal(testRequests, "{" + JOB + ", \"webhook_url\": \"hooks.example.com/x\"}"))
                .extracting(FieldError::field).containsExactly("webhook_url");
        assertThat(refusal(testRequests, "{" + JOB + ", \"webhook_url\": 42}"))
                .extracting(FieldError::field).containsExactly("webhook_url");
        assertThat(refusal(testRequests, "{" + JOB + ", \"webhook_url\": \"https://user:pw@127.0.0.1/x\"}"))
                .containsExactly(new FieldError("webhook_url", "must not carry a user name or password"));
        assertThat(refusal(testRequests, "{" + JOB + ", \"webhook_url\": \"https://127.0.0.1/x\", \"webhook_events\": [\"run.completed\", \"run.done\"]}"))
                .extracting(FieldError::field).containsExactly("webhook_events[1]");
        assertThat(refusal(testRequests, "{" + JOB + ", \"webhook_url\": \"https://127.0.0.1/x\", \"webhook_events\": []}"))
                .extracting(FieldError::field).containsExactly("webhook_events");
        assertThat(refusal(testRequests, "{" + JOB + ", \"webhook_url\": \"https://127.0.0.1/x\", \"webhook_events\": \"run.completed\"}"))
                .extracting(FieldError::field).containsExactly("webhook_events");
        assertThat(refusal(testRequests, "{" + JOB + ", \"webhook_events\": [\"run.completed\"]}"))
                .containsExactly(new FieldError("webhook_events", "needs a webhook_url to send them to"));
    }

    @Test
    void aUrlWhoseHostIsNotPublicIsRefusedUnlessPrivateAddressesAreAllowed() throws Exception {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "https://10.1.2.3/hook",
                "http://[::1]:9000/hook", "http://169.254.169.254/latest/meta-data", "http://192.168.1.10/x")) {
            List<FieldError> errors = refusal(requests, "{" + JOB + ", \"webhook_url\": \"" + url + "\"}");
            assertThat(errors).extracting(FieldError::field).containsExactly("webhook_url");
            assertThat(errors.get(0).message()).contains("webhooks are only sent to public addresses");
            assertThat(testRequests.readRun("{" + JOB + ", \"webhook_url\": \"" + url + "\"}").webhookUrl()).isEqualTo(url);
        }
        assertThat(requests.readRun("{" + JOB + ", \"webhook_url\": \"https://93.184.215.14/hook\"}").webhookUrl())
                .isEqualTo("https://93.184.215.14/hook");
    }
}
