package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.support.MultipartBody;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestVideos;
import io.scenescore.support.VideoApi;

/** With SCENESCORE_API_KEY set, every /api call needs it; the key never comes back in an answer. */
class ApiKeyIT {

    static final String KEY = "s3cr3t-key-for-tests";
    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.api-key", KEY));
    static RunningService service;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aMissingKeyIsA401() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(service.uri("/api/v3/audio/generate-scenes"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(answer.body()).contains("API key is required");
    }

    @Test
    void aMissingKeyIsA401BeforeABodyNotDeclaredJsonIsA415() throws Exception {
        for (String path : new String[] {"/api/v3/jobs", "/api/v3/audio/generate-scenes"}) {
            HttpResponse<String> noKey = HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> withKey = HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "text/plain")
                    .header("X-API-Key", KEY).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(noKey.statusCode()).as(path).isEqualTo(401);
            assertThat(withKey.statusCode()).as(path).isEqualTo(415);
            assertThat(withKey.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void aWrongKeyIsA401AndIsNotEchoed() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(service.uri("/api/v3/audio/status/0b0e9a4c-3f1d-4a8e-9c51-7d2f6b8e1a00"))
                .header("Authorization", "Bearer wrong-" + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain(KEY);
        assertThat(answer.headers().map().toString()).doesNotContain(KEY);
    }

    @Test
    void theKeyWorksAsBearerOrXApiKey() throws Exception {
        String body = "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 1}]}}";
        HttpResponse<String> bearer = HTTP.send(HttpRequest.newBuilder(service.uri("/api/v3/jobs"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> header = HTTP.send(HttpRequest.newBuilder(service.uri("/api/v3/jobs"))
                .header("X-API-Key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(bearer.statusCode()).isEqualTo(201);
        assertThat(header.statusCode()).isEqualTo(201);
        assertThat(bearer.headers().map().toString() + bearer.body()).doesNotContain(KEY);
    }

    @Test
    void healthNeedsNoKey() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(service.uri("/observe/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void anUploadWithoutTheKeyIsRefusedBeforeItsBodyIsRead(@TempDir Path tmp) throws Exception {
        Path video = TestVideos.mp4(tmp.resolve("clip.mp4"), 1, 25);
        String job = "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 1}]}}";
        MultipartBody form = new MultipartBody().field("job", job)
                .file("video", "clip.mp4", "video/mp4", video);

        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(service.uri("/api/v3/jobs")).header("Content-Type", form.contentType())
                .POST(form.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> taken = VideoApi.postJob(service, job, video, "clip.mp4");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
    }
}
