package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;
import io.scenescore.support.TestVideos;
import io.scenescore.support.VideoApi;

/**
 * Versions with the built-in composer and a video: each version keeps its own merged video, a regenerated scene
 * leaves the others' stored audio as it was, the cue sheet's timecode follows the video's frame rate, DELETE leaves
 * nothing behind (rows, large objects, work files), and NAME.regenerate.json does over the file drop what the call does.
 */
class VersionsAndDeleteIT {

    static TestDatabase db;
    static RunningService service;
    static Path inbox;
    static Path outbox;

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(() -> {
        Path root = Files.createTempDirectory("scenescore-versions");
        inbox = root.resolve("inbox");
        outbox = root.resolve("outbox");
        return Map.of(
                "scenescore.provider", "composer",
                "scenescore.inbox", inbox.toString(),
                "scenescore.outbox", outbox.toString(),
                "scenescore.filedrop.poll-ms", "200",
                "scenescore.filedrop.outbox-period-ms", "200");
    });

    @Test
    void eachVersionKeepsItsMergedVideoAndDeletingTheJobLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        Path video = TestVideos.mp4(tmp.resolve("film.mp4"), 6, 24);
        String jobId = VideoApi.createJob(service, """
                {"storyboard": {"scenes": [{"title": "Dawn", "description": "a quiet dawn", "duration": 3},
                                           {"title": "Noon", "description": "a busy street", "duration": 3}]}}""", video, "film.mp4");
        service.generate("{\"job_id\": \"" + jobId + "\", \"audio_params\": {\"merge_with_video\": true, \"seed\": 5}}");
        JsonNode first = service.awaitEnd(jobId, Duration.ofSeconds(120));
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("completed");
        String video1 = sha256(video(jobId, ""));
        String sceneOneBefore = segmentHash(jobId, 1);

        HttpResponse<String> asked = service.postJson("/api/v3/audio/" + jobId + "/scenes/0/regenerate",
                "{\"description\": \"a storm breaks over the sea\", \"music_energy\": \"high\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode second = service.awaitEnd(jobId, Duration.ofSeconds(120));
        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("completed");

        assertThat(second.path("versions")).hasSize(2);
        assertThat(second.at("/versions/0/video_url").asText()).isEqualTo("/api/v3/jobs/" + jobId + "/video?version=1");
        assertThat(second.at("/versions/1/video_url").asText()).isEqualTo("/api/v3/jobs/" + jobId + "/video?version=2");
        assertThat(second.at("/video/available").asBoolean()).isTrue();
        assertThat(sha256(video(jobId, "?version=1"))).isEqualTo(video1);
        assertThat(sha256(video(jobId, ""))).isNotEqualTo(video1).isEqualTo(sha256(video(jobId, "?version=2")));
        assertThat(segmentHash(jobId, 1)).isEqualTo(sceneOneBefore);

        // the cue sheet counts frames at the video's rate, and says what the composer was asked
        JsonNode cue = RunningService.json(service.get("/api/v3/audio/" + jobId + "/cue-sheet").body());
        assertThat(cue.path("frame_rate").asDouble()).isEqualTo(24.0);
        assertThat(cue.at("/scenes/0/source").asText()).isEqualTo("composer");
        assertThat(cue.at("/scenes/0/prompt").asText()).contains("a storm breaks over the sea").contains("energy: high");
        assertThat(cue.at("/scenes/0/seed").asLong()).isEqualTo(5);
        assertThat(cue.at("/scenes/0/licence").asText()).contains("no licence restriction");
        assertThat(cue.at("/scenes/1/start_timecode").asText()).isEqualTo("00:00:03:00");
        assertThat(cue.at("/scenes/1/end_timecode").asText()).isEqualTo("00:00:06:00");
        assertThat(cue.path("licence_note").asText()).doesNotContain("CC-BY-NC 4.0 weights");
        assertThat(RunningService.json(service.get("/api/v3/audio/" + jobId + "/cue-sheet?version=1").body())
                .at("/scenes/0/prompt").asText()).contains("a quiet dawn");

        List<Long> objects = largeObjectsOf(jobId);
        assertThat(objects).hasSize(5); // the source video, two merged ones and two soundtracks
        Path workFolder = service.dataDir().resolve("work").resolve(jobId);
        assertThat(workFolder).exists();

        HttpResponse<String> deleted = service.send(service.request("/api/v3/jobs/" + jobId).DELETE());

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("jobs WHERE id", "scene_segments WHERE job_id", "soundtracks WHERE job_id",
                    "merged_videos WHERE job_id", "source_videos WHERE job_id", "file_drops WHERE job_id",
                    "idempotency_keys WHERE job_id")) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table + " = '" + jobId + "'")) {
                    r.next();
                    assertThat(r.getInt(1)).as(table).isZero();
                }
            }
            for (long oid : objects) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_largeobject_metadata WHERE oid = " + oid)) {
                    r.next();
                    assertThat(r.getInt(1)).as("large object " + oid).isZero();
                }
            }
            // and no large object is left that no row names
            try (ResultSet r = s.executeQuery("""
                    SELECT count(*) FROM pg_largeobject_metadata
                    WHERE oid NOT IN (SELECT content FROM source_videos UNION SELECT content FROM merged_videos WHERE content IS NOT NULL
                                      UNION SELECT content FROM soundtracks)""")) {
                r.next();
                assertThat(r.getInt(1)).isZero();
            }
        }
        assertThat(workFolder).doesNotExist();
        assertThat(service.get("/api/v3/audio/status/" + jobId).statusCode()).isEqualTo(404);
        assertThat(service.send(service.request("/api/v3/jobs/" + jobId).DELETE()).statusCode()).isEqualTo(404);
        assertThat(service.send(service.request("/api/v3/jobs/not-a-job").DELETE()).statusCode()).isEqualTo(400);
    }

    @Test
    void aDroppedRegenerateFileMakesTheSceneAgainAndTheOutboxFollowsTheNewVersion() throws Exception {
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("harbour.json"), """
                {"storyboard": {"scenes": [{"title": "Harbour", "description": "dawn over the harbour", "duration": 3},
                                           {"title": "Market", "description": "a busy market", "duration": 3}]}}""");
        JsonNode first = awaitOutboxStatus("harbour", 1);
        String jobId = first.path("job_id").asText();
        byte[] mp3v1 = Files.readAllBytes(outbox.resolve("harbour.mp3"));

        Files.writeString(inbox.resolve("harbour.regenerate.json"), "{\"scene\": 1, \"music_style\": \"jazz\", \"seed\": 9}");

        JsonNode second = awaitOutboxStatus("harbour", 2);
        assertThat(second.at("/versions/1/regenerated_scenes").toString()).isEqualTo("[1]");
        byte[] mp3v2 = Files.readAllBytes(outbox.resolve("harbour.mp3"));
        assertThat(sha256(mp3v2)).isNotEqualTo(sha256(mp3v1));
        byte[] latest = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download").GET()).body();
        assertThat(sha256(mp3v2)).isEqualTo(sha256(latest));
        byte[] earlier = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download?version=1").GET()).body();
        assertThat(sha256(earlier)).isEqualTo(sha256(mp3v1));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve(".done/harbour.regenerate.json")));
        assertThat(inbox.resolve(".error/harbour.regenerate.error.json")).doesNotExist();

        // refused: a scene the job does not have, and a name no job was dropped under
        Files.writeString(inbox.resolve("harbour.regenerate.json"), "{\"scene\": 7}");
        JsonNode noScene = awaitRefusal("harbour.regenerate");
        assertThat(noScene.path("status").asInt()).isEqualTo(404);
        assertThat(noScene.path("detail").asText()).contains("there is no scene 7");
        Files.writeString(inbox.resolve("nowhere.regenerate.json"), "{\"scene\": 0}");
        JsonNode noJob = awaitRefusal("nowhere.regenerate");
        assertThat(noJob.path("status").asInt()).isEqualTo(404);
        assertThat(noJob.path("detail").asText()).contains("no job was dropped as nowhere.json");
        Files.writeString(inbox.resolve("bad.regenerate.json"), "{\"scene\": \"one\", \"pitch\": 3}");
        JsonNode bad = awaitRefusal("bad.regenerate");
        assertThat(bad.path("status").asInt()).isEqualTo(400);
        assertThat(bad.toString()).contains("\"field\":\"scene\"").contains("\"field\":\"pitch\"");
    }

    private static JsonNode awaitOutboxStatus(String name, int versions) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Path file = outbox.resolve(name + ".status.json");
            if (!Files.exists(file)) {
                return false;
            }
            last[0] = RunningService.json(Files.readString(file));
            return last[0].path("status").asText().equals("completed") && last[0].path("versions").size() == versions;
        });
        return last[0];
    }

    private static JsonNode awaitRefusal(String name) throws Exception {
        Path reason = inbox.resolve(".error/" + name + ".error.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(reason) && Files.exists(inbox.resolve(".error/" + name + ".json")));
        JsonNode problem = RunningService.json(Files.readString(reason));
        Files.delete(reason);
        Files.delete(inbox.resolve(".error/" + name + ".json"));
        return problem;
    }

    private static byte[] video(String jobId, String query) throws Exception {
        HttpResponse<byte[]> answer = service.sendForBytes(service.request("/api/v3/jobs/" + jobId + "/video" + query).GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static String segmentHash(String jobId, int scene) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("SELECT lo_get(content) FROM scene_segments WHERE job_id = CAST(? AS uuid) AND scene_index = ?")) {
            s.setString(1, jobId);
            s.setInt(2, scene);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return sha256(r.getBytes(1));
            }
        }
    }

    private static List<Long> largeObjectsOf(String jobId) throws Exception {
        List<Long> oids = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("""
                     SELECT content FROM source_videos WHERE job_id = CAST(? AS uuid)
                     UNION ALL SELECT content FROM merged_videos WHERE job_id = CAST(? AS uuid) AND content IS NOT NULL
                     UNION ALL SELECT content FROM soundtracks WHERE job_id = CAST(? AS uuid)""")) {
            s.setString(1, jobId);
            s.setString(2, jobId);
            s.setString(3, jobId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    oids.add(r.getLong(1));
                }
            }
        }
        return oids;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
