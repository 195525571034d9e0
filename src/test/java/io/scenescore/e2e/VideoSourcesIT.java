package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;
import io.scenescore.support.TestVideos;
import io.scenescore.support.VideoApi;

/**
 * The other two ways a job gets its video: fetched from video_url (from a local server, so private addresses are
 * allowed here), and already in the database, put there by an upstream system with SQL.
 */
class VideoSourcesIT {

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.allow-private-urls", "true"));
    static TestDatabase db;
    static RunningService service;
    static HttpServer server;
    static Path video;
    static String base;

    @BeforeAll
    static void startVideoServer(@TempDir Path tmp) throws Exception {
        video = TestVideos.mp4WithSpeech(tmp.resolve("harbour.mp4"), 4, 25);
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "not a video\n".repeat(100));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/media/harbour.mp4", exchange -> serve(exchange, video));
        server.createContext("/media/notes.txt", exchange -> serve(exchange, notes));
        server.createContext("/latest", exchange -> {
            exchange.getResponseHeaders().add("Location", "/media/harbour.mp4");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void serve(com.sun.net.httpserver.HttpExchange exchange, Path file) throws IOException {
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    @AfterAll
    static void stopVideoServer() {
        server.stop(0);
    }

    @Test
    void aVideoUrlIsFetchedThroughRedirectsProbedStoredAndMerged(@TempDir Path tmp) throws Exception {
        HttpResponse<String> created = service.postJson("/api/v3/jobs", "{\"video_url\": \"" + base + "/latest\","
                + " \"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String jobId = RunningService.json(created.body()).get("job_id").asText();
        JsonNode source = service.status(jobId).at("/video/source");
        assertThat(source.path("file_name").asText()).isEqualTo("harbour.mp4");
        assertThat(source.path("size_bytes").asLong()).isEqualTo(Files.size(video));
        assertThat(source.path("duration_seconds").asDouble()).isEqualTo(4.0);
        assertThat(service.dataDir().resolve("incoming")).as("the fetched file, once stored").isEmptyDirectory();

        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true, \"sync_mode\": \"stretch\"}}");
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.at("/video/available").asBoolean()).as(status.toString()).isTrue();
        Path merged = VideoApi.downloadVideo(service, jobId, tmp.resolve("merged.mp4")).body();
        assertThat(MediaProbe.duration(merged)).isCloseTo(4.0, within(0.04));
        assertThat(MediaProbe.videoStreamMd5(merged)).isEqualTo(MediaProbe.videoStreamMd5(video));
    }

    @Test
    void anInlineRunWithAVideoUrlIsFetchedAndMerged() throws Exception {
        String jobId = service.generate("{\"video_url\": \"" + base + "/media/harbour.mp4\","
                + " \"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 5}]}, \"audio_params\": {\"merge_with_video\": true}}");

        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.at("/video/available").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.at("/video/duration_seconds").asDouble()).isEqualTo(4.0);
    }

    @Test
    void aFetchedFileThatIsNotAVideoIs422NamingIt() throws Exception {
        HttpResponse<String> answer = service.postJson("/api/v3/jobs", "{\"video_url\": \"" + base + "/media/notes.txt\","
                + " \"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        JsonNode problem = RunningService.json(answer.body());
        assertThat(problem.path("errors").findValuesAsText("field")).contains("video_url");
        assertThat(problem.path("detail").asText()).contains("\"notes.txt\" is not a usable video");
        assertThat(service.dataDir().resolve("incoming")).isEmptyDirectory();
    }

    @Test
    void aVideoAnUpstreamSystemPutInTheDatabaseIsProbedWhenARunNeedsItAndMerged(@TempDir Path tmp) throws Exception {
        String jobId = UUID.randomUUID().toString();
        try (Connection c = db.connect()) {
            try (PreparedStatement job = c.prepareStatement("INSERT INTO jobs (id, storyboard) VALUES (CAST(? AS uuid), CAST(? AS jsonb))")) {
                job.setString(1, jobId);
                job.setString(2, "{\"scenes\": [{\"description\": \"a\", \"duration\": 3}]}");
                job.executeUpdate();
            }
            // the content only, as an upstream system would write it
            try (PreparedStatement row = c.prepareStatement(
                    "INSERT INTO source_videos (job_id, content, file_name) VALUES (CAST(? AS uuid), lo_from_bytea(0, ?), 'upstream.mp4')")) {
                row.setString(1, jobId);
                row.setBytes(2, Files.readAllBytes(video));
                row.executeUpdate();
            }
        }

        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true, \"sync_mode\": \"compress\"}}");
        JsonNode status = service.awaitEnd(jobId, Duration.ofSeconds(60));

        assertThat(status.at("/video/available").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.at("/video/source/duration_seconds").asDouble()).isEqualTo(4.0);
        assertThat(status.at("/video/source/sha256").asText()).isEqualTo(VideoMergeIT.sha256(Files.readAllBytes(video)));
        Path merged = VideoApi.downloadVideo(service, jobId, tmp.resolve("merged.mp4")).body();
        assertThat(MediaProbe.videoStreamMd5(merged)).isEqualTo(MediaProbe.videoStreamMd5(video));
    }

    @Test
    void deletingAJobLeavesNoLargeObjectBehind() throws Exception {
        String jobId = VideoApi.createJob(service, "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}]}}", video, "clip.mp4");
        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true}}");
        service.awaitEnd(jobId, Duration.ofSeconds(60));
        long[] oids = new long[2];
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("SELECT (SELECT content FROM source_videos WHERE job_id = CAST(? AS uuid)),"
                     + " (SELECT content FROM merged_videos WHERE job_id = CAST(? AS uuid))")) {
            s.setString(1, jobId);
            s.setString(2, jobId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                oids[0] = r.getLong(1);
                oids[1] = r.getLong(2);
            }
        }
        assertThat(largeObjectsExist(oids)).isEqualTo(2);

        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("DELETE FROM jobs WHERE id = CAST(? AS uuid)")) {
            s.setString(1, jobId);
            s.executeUpdate();
        }

        assertThat(largeObjectsExist(oids)).isZero();
    }

    private static long largeObjectsExist(long[] oids) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_largeobject_metadata WHERE oid IN (?, ?)")) {
            s.setLong(1, oids[0]);
            s.setLong(2, oids[1]);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
