package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.MediaProbe;
import io.scenescore.support.MultipartBody;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;
import io.scenescore.support.TestVideos;
import io.scenescore.support.VideoApi;

/**
 * A job's video arriving with the job, and what is refused on arrival (4xx problem+json naming it, nothing
 * stored); the merged video's answers; and a merge that fails on a corrupt video, leaving the soundtrack.
 */
class VideoArrivalIT {

    static final long VIDEO_LIMIT = 400_000;
    static final String ONE_SCENE = "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}}";
    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.video.max-bytes", String.valueOf(VIDEO_LIMIT)));
    static TestDatabase db;
    static RunningService service;
    static Path video;

    @BeforeAll
    static void makeVideo(@TempDir Path tmp) throws Exception {
        video = TestVideos.mp4(tmp.resolve("clip.mp4"), 3, 25);
    }

    @Test
    void aJobPostedWithItsVideoShowsTheProbedSourceInItsStatus() throws Exception {
        HttpResponse<String> created = VideoApi.postJob(service, ONE_SCENE, video, "clip.mp4");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String jobId = RunningService.json(created.body()).get("job_id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/api/v3/audio/status/" + jobId);
        JsonNode source = service.status(jobId).at("/video/source");
        assertThat(source.path("file_name").asText()).isEqualTo("clip.mp4");
        assertThat(source.path("content_type").asText()).isEqualTo("video/mp4");
        assertThat(source.path("size_bytes").asLong()).isEqualTo(Files.size(video));
        assertThat(source.path("duration_seconds").asDouble()).isEqualTo(3.0);
        assertThat(source.path("frame_rate").asDouble()).isEqualTo(25.0);
        assertThat(source.path("sha256").asText()).isEqualTo(VideoMergeIT.sha256(Files.readAllBytes(video)));
    }

    @Test
    void theJobsJsonMayComeAsAFilePart(@TempDir Path tmp) throws Exception {
        Path job = Files.writeString(tmp.resolve("job.json"), ONE_SCENE);
        MultipartBody form = new MultipartBody().file("job", "job.json", "application/json", job).file("video", "clip.mp4", "video/mp4", video);

        HttpResponse<String> created = service.send(service.request("/api/v3/jobs").header("Content-Type", form.contentType()).POST(form.publisher()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void anUploadOverTheLimitIs413BeforeItIsRead(@TempDir Path tmp) throws Exception {
        Path big = randomFile(tmp.resolve("big.mp4"), VIDEO_LIMIT * 3);
        long jobsBefore = count("jobs");

        HttpResponse<String> answer = VideoApi.postJob(service, ONE_SCENE, big, "big.mp4");

        assertProblem(answer, 413, "video");
        assertThat(RunningService.json(answer.body()).path("detail").asText()).contains("at most " + VIDEO_LIMIT + " bytes");
        assertThat(count("jobs")).isEqualTo(jobsBefore);
    }

    @Test
    void anUploadOfUndeclaredLengthOverTheLimitIs413WhileStreaming(@TempDir Path tmp) throws Exception {
        Path big = randomFile(tmp.resolve("big.mp4"), VIDEO_LIMIT * 3);
        MultipartBody form = new MultipartBody().field("job", ONE_SCENE).file("video", "big.mp4", "video/mp4", big);
        byte[] body = readAll(form.publisher());
        long jobsBefore = count("jobs");

        // an InputStream body has no declared length: it goes out chunked
        HttpResponse<String> answer = VideoApi.http1String(service.request("/api/v3/jobs").header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(answer, 413, "video");
        assertThat(count("jobs")).isEqualTo(jobsBefore);
    }

    @Test
    void aVideoJustOverTheLimitIs413EvenWhenTheRequestFits(@TempDir Path tmp) throws Exception {
        Path big = randomFile(tmp.resolve("big.mp4"), VIDEO_LIMIT + 1);

        HttpResponse<String> answer = VideoApi.postJob(service, ONE_SCENE, big, "big.mp4");

        assertProblem(answer, 413, "video");
        assertThat(RunningService.json(answer.body()).path("detail").asText()).contains(String.valueOf(VIDEO_LIMIT + 1));
    }

    @Test
    void aJsonBodyOverOneMibIs413NamingTheLimit() throws Exception {
        String huge = "{\"storyboard\": {\"scenes\": []}, \"video_name\": \"" + "x".repeat(1_100_000) + "\"}";

        for (String path : new String[] {"/api/v3/jobs", "/api/v3/audio/generate-scenes"}) {
            HttpResponse<String> answer = service.postJson(path, huge);

            assertThat(answer.statusCode()).as(path).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(RunningService.json(answer.body()).path("detail").asText()).contains("1 MiB");
        }
    }

    @Test
    void aFileThatIsNotAVideoIs422NamingIt(@TempDir Path tmp) throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "shot list: harbour, market, rain\n".repeat(50));
        long jobsBefore = count("jobs");

        HttpResponse<String> answer = VideoApi.postJob(service, ONE_SCENE, notes, "notes.txt");

        assertProblem(answer, 422, "video");
        assertThat(RunningService.json(answer.body()).path("detail").asText()).contains("\"notes.txt\" is not a usable video");
        assertThat(count("jobs")).isEqualTo(jobsBefore);
    }

    @Test
    void audioWithoutPicturesIsNotAVideo(@TempDir Path tmp) throws Exception {
        Path song = tmp.resolve("song.m4a");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=2", "-c:a", "aac", song.toString());

        HttpResponse<String> answer = VideoApi.postJob(service, ONE_SCENE, song, "song.m4a");

        assertProblem(answer, 422, "video");
        assertThat(RunningService.json(answer.body()).path("detail").asText()).contains("no video stream");
    }

    @Test
    void aVideoUrlToLoopbackIsRefusedByDefault() throws Exception {
        long jobsBefore = count("jobs");

        HttpResponse<String> created = service.postJson("/api/v3/jobs",
                "{\"video_url\": \"http://127.0.0.1:" + service.port() + "/observe/health\", \"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}}");
        HttpResponse<String> inline = service.postJson("/api/v3/audio/generate-scenes",
                "{\"video_url\": \"http://localhost:9/clip.mp4\", \"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}}");

        assertProblem(created, 400, "video_url");
        assertThat(RunningService.json(created.body()).path("detail").asText()).contains("127.0.0.1").contains("loopback");
        assertProblem(inline, 400, "video_url");
        assertThat(count("jobs")).isEqualTo(jobsBefore);
    }

    @Test
    void aVideoUrlThatIsNotHttpIsRefused() throws Exception {
        HttpResponse<String> answer = service.postJson("/api/v3/jobs",
                "{\"video_url\": \"file:///etc/passwd\", \"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}}");

        assertProblem(answer, 400, "video_url");
        assertThat(RunningService.json(answer.body()).path("detail").asText()).contains("http or https");
    }

    @Test
    void mergingAJobWithoutAVideoIsRefusedAtStart() throws Exception {
        HttpResponse<String> created = service.postJson("/api/v3/jobs", ONE_SCENE);
        String jobId = RunningService.json(created.body()).get("job_id").asText();

        HttpResponse<String> stored = service.postJson("/api/v3/audio/generate-scenes",
                "{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true}}");
        HttpResponse<String> inline = service.postJson("/api/v3/audio/generate-scenes",
                "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}, \"audio_params\": {\"merge_with_video\": true}}");

        assertProblem(stored, 400, "audio_params.merge_with_video");
        assertProblem(inline, 400, "audio_params.merge_with_video");
        assertThat(service.status(jobId).path("status").asText()).isEqualTo("created");
    }

    @Test
    void stretchingBeyondFourTimesIsRefusedAtStart() throws Exception {
        String jobId = VideoApi.createJob(service,
                "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 8}, {\"description\": \"b\", \"duration\": 8}]}}",
                video, "clip.mp4");

        HttpResponse<String> answer = service.postJson("/api/v3/audio/generate-scenes",
                "{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true, \"sync_mode\": \"stretch\"}}");

        assertProblem(answer, 400, "audio_params.sync_mode");
        assertThat(RunningService.json(answer.body()).path("detail").asText()).contains("16.00 s soundtrack").contains("3.00 s video");
        assertThat(service.status(jobId).path("status").asText()).isEqualTo("created");
    }

    @Test
    void theMergedVideoIsServedWithEtagConditionalsAndRanges() throws Exception {
        String jobId = VideoApi.createJob(service, ONE_SCENE, video, "clip.mp4");
        String url = "/api/v3/jobs/" + jobId + "/video";
        assertThat(service.get(url).statusCode()).as("before the run").isEqualTo(409);

        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true}}");
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(60)).at("/video/available").asBoolean()).isTrue();

        // HTTP/1.1 (sendFile) and HTTP/2 (a stream of the range) answer alike
        for (boolean http1 : new boolean[] {true, false}) {
            HttpResponse<byte[]> whole = send(http1, service.request(url).GET());
            assertThat(whole.statusCode()).isEqualTo(200);
            String etag = whole.headers().firstValue("ETag").orElseThrow();
            assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
            assertThat(whole.headers().firstValue("Cache-Control")).isPresent();
            assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).contains(".mp4");

            HttpResponse<byte[]> cached = send(http1, service.request(url).header("If-None-Match", etag).GET());
            assertThat(cached.statusCode()).isEqualTo(304);
            assertThat(cached.body()).isEmpty();

            HttpResponse<byte[]> part = send(http1, service.request(url).header("Range", "bytes=100-1099").GET());
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-1099/" + whole.body().length);
            assertThat(part.body()).containsExactly(Arrays.copyOfRange(whole.body(), 100, 1100));

            HttpResponse<byte[]> tail = send(http1, service.request(url).header("Range", "bytes=-500").GET());
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.body()).containsExactly(Arrays.copyOfRange(whole.body(), whole.body().length - 500, whole.body().length));

            HttpResponse<byte[]> beyond = send(http1, service.request(url).header("Range", "bytes=" + whole.body().length + "-").GET());
            assertThat(beyond.statusCode()).isEqualTo(416);
            assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + whole.body().length);
        }
    }

    @Test
    void aCorruptVideoThatFailsWhileMuxingLeavesTheSoundtrackAndTheReason(@TempDir Path tmp) throws Exception {
        // a header that reads fine (so it passes the probe on arrival) over media data cut short
        Path whole = tmp.resolve("whole.mp4");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "3", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-movflags", "+faststart", whole.toString());
        byte[] bytes = Files.readAllBytes(whole);
        Path corrupt = Files.write(tmp.resolve("corrupt.mp4"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        String jobId = VideoApi.createJob(service, ONE_SCENE, corrupt, "corrupt.mp4");

        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true}}");
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/audio/available").asBoolean()).isTrue();
        assertThat(status.at("/video/available").asBoolean()).isFalse();
        assertThat(status.at("/video/error").asText()).contains("ffmpeg exited with").contains("corrupt");
        Path soundtrack = service.download(jobId, tmp.resolve("soundtrack.mp3"));
        assertThat(MediaProbe.duration(soundtrack)).isBetween(2.95, 3.1);
        HttpResponse<String> noVideo = service.get("/api/v3/jobs/" + jobId + "/video");
        assertThat(noVideo.statusCode()).isEqualTo(409);
        assertThat(RunningService.json(noVideo.body()).path("detail").asText()).contains("failed").contains("corrupt");
    }

    @Test
    void aRunThatDoesNotMergeHasNoVideoToDownload() throws Exception {
        String jobId = VideoApi.createJob(service, ONE_SCENE, video, "clip.mp4");
        service.generate("{\"job_id\": \"" + jobId + "\"}");
        service.awaitEnd(jobId, Duration.ofSeconds(60));

        HttpResponse<String> answer = service.get("/api/v3/jobs/" + jobId + "/video");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(RunningService.json(answer.body()).path("detail").asText()).contains("merge_with_video");
        assertThat(service.get("/api/v3/jobs/0b0e9a4c-3f1d-4a8e-9c51-7d2f6b8e1a00/video").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<byte[]> send(boolean http1, HttpRequest.Builder request) throws Exception {
        return http1 ? VideoApi.http1(request) : service.sendForBytes(request);
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = RunningService.json(answer.body());
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        assertThat(problem.path("detail").asText()).contains(field);
    }

    private static Path randomFile(Path file, long size) throws Exception {
        byte[] bytes = new byte[(int) size];
        new Random(1).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    private static byte[] readAll(HttpRequest.BodyPublisher publisher) throws Exception {
        java.util.concurrent.CompletableFuture<byte[]> all = new java.util.concurrent.CompletableFuture<>();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        publisher.subscribe(new java.util.concurrent.Flow.Subscriber<>() {
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            public void onNext(java.nio.ByteBuffer item) {
                byte[] b = new byte[item.remaining()];
                item.get(b);
                out.writeBytes(b);
            }

            public void onError(Throwable t) {
                all.completeExceptionally(t);
            }

            public void onComplete() {
                all.complete(out.toByteArray());
            }
        });
        return all.get();
    }

    private long count(String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
