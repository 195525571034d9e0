package io.scenescore.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The video side of the API as tests use it: jobs posted with a video, the merged video downloaded. */
public final class VideoApi {

    /** HTTP/1.1, as curl, browsers and players speak it to the service: the merged video goes out by sendFile. */
    private static final HttpClient HTTP1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private VideoApi() {
    }

    /** POST /api/v3/jobs as multipart/form-data: the job's JSON as a field, the video as a file part. */
    public static HttpResponse<String> postJob(RunningService service, String jobJson, Path video, String fileName)
            throws IOException, InterruptedException {
        MultipartBody form = new MultipartBody().field("job", jobJson).file("video", fileName, "video/mp4", video);
        return service.send(service.request("/api/v3/jobs").header("Content-Type", form.contentType()).POST(form.publisher()));
    }

    /** Posts a job with its video and returns the job id, failing unless it is created. */
    public static String createJob(RunningService service, String jobJson, Path video, String fileName) throws IOException, InterruptedException {
        HttpResponse<String> created = postJob(service, jobJson, video, fileName);
        if (created.statusCode() != 201) {
            throw new AssertionError("POST /api/v3/jobs answered " + created.statusCode() + ": " + created.body());
        }
        return RunningService.json(created.body()).get("job_id").asText();
    }

    /** GET /api/v3/jobs/{id}/video over HTTP/1.1 into {@code to}. */
    public static HttpResponse<Path> downloadVideo(RunningService service, String jobId, Path to) throws IOException, InterruptedException {
        return HTTP1.send(service.request("/api/v3/jobs/" + jobId + "/video").GET().build(), HttpResponse.BodyHandlers.ofFile(to));
    }

    /** A request over HTTP/1.1, its answer as text. */
    public static HttpResponse<String> http1String(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP1.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request over HTTP/1.1. */
    public static HttpResponse<byte[]> http1(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP1.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
