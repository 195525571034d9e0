package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.fake.FakeReplicate;
import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/**
 * Editing a score against the fake Replicate: one scene made again is one new prediction continuing the stored scene
 * before it, the other scenes' stored audio is reused byte for byte, the earlier version still downloads as it was,
 * "following" remakes the chain, the cue sheet's spans add up to the soundtrack, and the refusals say why.
 */
class RegenerateSceneIT {

    static final String TOKEN = "r8_regenerate_test_token";
    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of(
            "scenescore.replicate.poll.initial-ms", "100",
            "scenescore.replicate.poll.max-ms", "300",
            "scenescore.replicate.poll.budget-ms", "5000",
            "scenescore.replicate.max-generation-seconds", "10")).withFakeReplicate(TOKEN);
    static FakeReplicate replicate;
    static RunningService service;
    static TestDatabase db;

    @BeforeEach
    void clean() {
        replicate.reset();
        replicate.setLatency(Duration.ofMillis(300));
    }

    static String storyboard(String params, double... durations) {
        return ReplicateRunIT.storyboard(params, durations);
    }

    @Test
    void aRegeneratedSceneIsOnePredictionTheOthersAreReusedAndTheEarlierVersionStays(@TempDir Path tmp) throws Exception {
        String jobId = service.generate(storyboard("\"seed\": 7, \"transition\": \"crossfade\", \"fade_duration\": 0.5", 3, 4, 3));
        JsonNode first = service.awaitEnd(jobId, Duration.ofSeconds(90));
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("completed");
        assertThat(replicate.createRequests()).hasSize(3);
        byte[] version1 = download(jobId, "");
        Map<Integer, String> segmentsBefore = segmentHashes(jobId);
        replicate.reset();
        replicate.setLatency(Duration.ofMillis(300));

        HttpResponse<String> asked = service.postJson("/api/v3/audio/" + jobId + "/scenes/1/regenerate",
                "{\"prompt\": \"a solo cello, slow\", \"seed\": 11}");

        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(asked.headers().firstValue("Location")).contains("/api/v3/audio/status/" + jobId);
        assertThat(RunningService.json(asked.body()).path("status_url").asText()).isEqualTo("/api/v3/audio/status/" + jobId);
        JsonNode second = service.awaitEnd(jobId, Duration.ofSeconds(90));
        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("completed");

        // exactly one new prediction: scene 1, with its new words and seed, continuing scene 0's stored piece
        List<JsonNode> creates = replicate.createRequests();
        assertThat(creates).hasSize(1);
        JsonNode input = creates.get(0).path("input");
        assertThat(input.path("prompt").asText()).isEqualTo("a solo cello, slow");
        assertThat(input.path("seed").asLong()).isEqualTo(11);
        assertThat(input.path("continuation").asBoolean()).isTrue();
        assertThat(input.path("input_audio").asText()).startsWith("data:audio/wav;base64,");

        // scenes 0 and 2 are the very bytes stored before; scene 1 is new
        Map<Integer, String> segmentsAfter = segmentHashes(jobId);
        assertThat(segmentsAfter.get(0)).isEqualTo(segmentsBefore.get(0));
        assertThat(segmentsAfter.get(2)).isEqualTo(segmentsBefore.get(2));
        assertThat(segmentsAfter.get(1)).isNotEqualTo(segmentsBefore.get(1));
        assertThat(second.at("/progress/scenes/0/prediction_id").asText()).isEqualTo(first.at("/progress/scenes/0/prediction_id").asText());
        assertThat(second.at("/progress/scenes/1/prediction_id").asText()).isNotEqualTo(first.at("/progress/scenes/1/prediction_id").asText());
        assertThat(replicate.predictions()).extracting(p -> p.path("id").asText()).contains(second.at("/progress/scenes/1/prediction_id").asText());

        // two versions; the earlier one downloads byte for byte as before, the latest is the default
        JsonNode versions = second.path("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).path("regenerated_scenes").isNull()).isTrue();
        assertThat(versions.get(1).path("regenerated_scenes").toString()).isEqualTo("[1]");
        assertThat(versions.get(1).at("/audio_params/seed").asLong()).isEqualTo(11);
        assertThat(versions.get(0).at("/audio_params/seed").asLong()).isEqualTo(7);
        assertThat(versions.get(1).path("download_url").asText()).isEqualTo("/api/v3/audio/" + jobId + "/download?version=2");
        assertThat(versions.get(1).path("video_url").isNull()).isTrue();
        assertThat(second.at("/audio/version").asInt()).isEqualTo(2);
        assertThat(sha256(download(jobId, "?version=1"))).isEqualTo(sha256(version1));
        byte[] version2 = download(jobId, "");
        assertThat(sha256(version2)).isNotEqualTo(sha256(version1)).isEqualTo(sha256(download(jobId, "?version=2")));
        // the job keeps its own audio_params (the seed was this run's) and the scene keeps its new words
        assertThat(second.at("/audio_params/seed").asLong()).isEqualTo(7);

        // the conditional-download rules hold for a version: 304 on its ETag, 206 for a range
        HttpResponse<byte[]> whole = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download?version=1").GET());
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download?version=1")
                .header("If-None-Match", etag).GET()).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> part = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download?version=1")
                .header("Range", "bytes=0-99").GET());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOf(version1, 100));

        // unknown and malformed versions
        HttpResponse<String> none = service.get("/api/v3/audio/" + jobId + "/download?version=3");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("no version 3").contains("1 to 2");
        assertThat(service.get("/api/v3/audio/" + jobId + "/download?version=two").statusCode()).isEqualTo(400);
        assertThat(service.get("/api/v3/audio/" + jobId + "/download?version=0").body()).contains("\"field\":\"version\"");
        assertThat(service.get("/api/v3/jobs/" + jobId + "/video?version=9").statusCode()).isEqualTo(404);

        // the cue sheet of each version: spans add up to the soundtrack's length, what was sent to whom
        Path mp3 = Files.write(tmp.resolve("v2.mp3"), version2);
        double length = MediaProbe.duration(mp3);
        JsonNode cue = RunningService.json(service.get("/api/v3/audio/" + jobId + "/cue-sheet").body());
        assertThat(cue.path("version").asInt()).isEqualTo(2);
        assertThat(cue.path("frame_rate").asDouble()).isEqualTo(25.0);
        JsonNode scenes = cue.path("scenes");
        assertThat(scenes).hasSize(3);
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode scene = scenes.get(i);
            assertThat(scene.path("start_seconds").asDouble()).isCloseTo(sum, within(0.001));
            sum += scene.path("end_seconds").asDouble() - scene.path("start_seconds").asDouble();
            assertThat(scene.path("source").asText()).isEqualTo("replicate");
            assertThat(scene.path("model").asText()).isEqualTo("meta/musicgen");
            assertThat(scene.path("version_id").asText()).isEqualTo(FakeReplicate.DEFAULT_VERSION);
            assertThat(scene.path("licence").asText()).contains("CC-BY-NC 4.0");
            assertThat(scene.path("prediction_ids")).hasSize(1);
            assertThat(scene.path("prediction_ids").get(0).asText()).isEqualTo(second.at("/progress/scenes/" + i + "/prediction_id").asText());
        }
        // the MP3's frames round its container length up by at most a frame or two
        assertThat(sum).isEqualTo(10.0).isCloseTo(length, within(0.1));
        assertThat(cue.path("duration_seconds").asDouble()).isEqualTo(10.0);
        assertThat(scenes.get(1).path("start_timecode").asText()).isEqualTo("00:00:03:00");
        assertThat(scenes.get(2).path("end_timecode").asText()).isEqualTo("00:00:10:00");
        assertThat(scenes.get(1).path("prompt").asText()).isEqualTo("a solo cello, slow");
        assertThat(scenes.get(1).path("seed").asLong()).isEqualTo(11);
        assertThat(scenes.get(0).path("prompt").asText()).contains("cinematic").contains("scene 0");
        assertThat(scenes.get(0).path("seed").asLong()).isEqualTo(7);
        assertThat(cue.path("licence_note").asText()).contains("not for commercial use without clearance");
        JsonNode cue1 = RunningService.json(service.get("/api/v3/audio/" + jobId + "/cue-sheet?version=1").body());
        assertThat(cue1.at("/scenes/1/prompt").asText()).contains("scene 1").doesNotContain("cello");
        assertThat(cue1.at("/scenes/1/prediction_ids/0").asText()).isEqualTo(first.at("/progress/scenes/1/prediction_id").asText());

        HttpResponse<String> csv = service.get("/api/v3/audio/" + jobId + "/cue-sheet?format=csv&version=2");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("index,title,start_seconds,end_seconds,start_timecode,end_timecode");
        assertThat(lines[2]).startsWith("1,S1,3.0,7.0,00:00:03:00,00:00:07:00,4.0,replicate,\"a solo cello, slow\",11,meta/musicgen");
        assertThat(service.get("/api/v3/audio/" + jobId + "/cue-sheet?format=xml").statusCode()).isEqualTo(400);
        assertThat(service.get("/api/v3/audio/" + jobId + "/cue-sheet?version=5").statusCode()).isEqualTo(404);
    }

    @Test
    void followingRemakesTheSceneAndEveryOneAfterItAsAChain() throws Exception {
        String jobId = service.generate(storyboard("\"seed\": 3", 2, 2, 2));
        JsonNode first = service.awaitEnd(jobId, Duration.ofSeconds(90));
        assertThat(first.path("status").asText()).isEqualTo("completed");
        Map<Integer, String> before = segmentHashes(jobId);
        replicate.reset();
        replicate.setLatency(Duration.ofMillis(300));

        HttpResponse<String> asked = service.postJson("/api/v3/audio/" + jobId + "/scenes/1/regenerate",
                "{\"following\": true, \"music_style\": \"jazz\"}");

        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        JsonNode second = service.awaitEnd(jobId, Duration.ofSeconds(90));
        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("completed");
        List<JsonNode> creates = replicate.createRequests();
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0).at("/input/prompt").asText()).contains("jazz style");
        assertThat(creates.get(0).at("/input/input_audio").asText()).startsWith("data:audio/wav;base64,");
        // scene 2 continues the new scene 1's output, as in any chain
        assertThat(creates.get(1).at("/input/input_audio").asText())
                .isEqualTo(replicate.outputUrl(second.at("/progress/scenes/1/prediction_id").asText()));
        assertThat(creates.get(1).at("/input/prompt").asText()).doesNotContain("jazz");
        Map<Integer, String> after = segmentHashes(jobId);
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(1)).isNotEqualTo(before.get(1));
        // the fake's audio depends on prompt and seed only, so scene 2's bytes may repeat: its prediction is new
        assertThat(second.at("/progress/scenes/2/prediction_id").asText()).isNotEqualTo(first.at("/progress/scenes/2/prediction_id").asText());
        assertThat(second.at("/progress/scenes/0/prediction_id").asText()).isEqualTo(first.at("/progress/scenes/0/prediction_id").asText());
        assertThat(second.at("/versions/1/regenerated_scenes").toString()).isEqualTo("[1,2]");
        assertThat(second.at("/versions/1/audio_params/seed").asLong()).isEqualTo(3);
    }

    @Test
    void regenerateRefusesWhatItCannotDoAndSaysWhy() throws Exception {
        HttpResponse<String> created = service.postJson("/api/v3/jobs",
                "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}, {\"description\": \"b\", \"duration\": 2}]}}");
        String jobId = RunningService.json(created.body()).path("job_id").asText();
        String path = "/api/v3/audio/" + jobId + "/scenes/1/regenerate";

        // never run: nothing to regenerate from
        HttpResponse<String> neverRun = service.postJson(path, "{}");
        assertThat(neverRun.statusCode()).isEqualTo(409);
        assertThat(neverRun.body()).contains("no run of job").contains("has completed yet");

        assertThat(service.postJson("/api/v3/audio/" + java.util.UUID.randomUUID() + "/scenes/0/regenerate", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> noScene = service.postJson("/api/v3/audio/" + jobId + "/scenes/2/regenerate", "{}");
        assertThat(noScene.statusCode()).isEqualTo(404);
        assertThat(noScene.body()).contains("there is no scene 2").contains("0 to 1");
        assertThat(service.postJson("/api/v3/audio/" + jobId + "/scenes/one/regenerate", "{}").body()).contains("\"field\":\"index\"");
        HttpResponse<String> bad = service.postJson(path, "{\"seed\": \"x\", \"following\": 1, \"tempo\": 90, \"prompt\": 5}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"seed\"").contains("\"field\":\"following\"").contains("\"field\":\"tempo\"")
                .contains("\"field\":\"prompt\"");
        HttpResponse<String> plain = service.send(service.request(path).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(plain.statusCode()).isEqualTo(415);

        // while a run is active
        replicate.setLatency(Duration.ofSeconds(2));
        service.generate("{\"job_id\": \"" + jobId + "\"}");
        HttpResponse<String> active = service.send(service.request(path).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(active.statusCode()).as(active.body()).isEqualTo(409);
        HttpResponse<String> deleteActive = service.send(service.request("/api/v3/jobs/" + jobId).DELETE());
        assertThat(deleteActive.statusCode()).isEqualTo(409);
        assertThat(deleteActive.body()).contains("cancel it first");
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("completed");

        // with no body at all, the scene is made again as it is
        replicate.setLatency(Duration.ofMillis(300));
        HttpResponse<String> bare = service.send(service.request(path).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(202);
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(90)).path("versions")).hasSize(2);
    }

    private static byte[] download(String jobId, String query) throws Exception {
        HttpResponse<byte[]> answer = service.sendForBytes(service.request("/api/v3/audio/" + jobId + "/download" + query).GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /**
     * Segments an earlier version stored as FLAC (before scenes were cut on PCM): a run that restores one joins it and
     * continues it as any other, its window cut by FFmpeg since it is not a WAV.
     */
    @Test
    void aSceneAnEarlierVersionStoredAsFlacIsJoinedAndContinuedAsAnyOther(@TempDir Path tmp) throws Exception {
        String jobId = service.generate(storyboard("\"seed\": 5, \"output_format\": \"wav\"", 3, 3, 3));
        assertThat(service.awaitEnd(jobId, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("completed");
        Path wav = tmp.resolve("scene-0.wav");
        Path flac = tmp.resolve("scene-0.flac");
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("SELECT lo_get(content) FROM scene_segments WHERE job_id = CAST(? AS uuid) AND scene_index = 0")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                Files.write(wav, r.getBytes(1));
            }
        }
        MediaProbe.ffmpeg("-i", wav.toString(), "-c:a", "flac", flac.toString());
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("UPDATE scene_segments SET content = lo_from_bytea(0, ?) WHERE job_id = CAST(? AS uuid) AND scene_index = 0")) {
            s.setBytes(1, Files.readAllBytes(flac));
            s.setString(2, jobId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        replicate.reset();
        replicate.setLatency(Duration.ofMillis(300));

        assertThat(service.postJson("/api/v3/audio/" + jobId + "/scenes/1/regenerate", "{}").statusCode()).isEqualTo(202);
        JsonNode second = service.awaitEnd(jobId, Duration.ofSeconds(90));

        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("completed");
        JsonNode input = replicate.createRequests().get(0).path("input");
        assertThat(input.path("continuation").asBoolean()).isTrue();
        assertThat(input.path("input_audio").asText()).startsWith("data:audio/wav;base64,");
        Path soundtrack = Files.write(tmp.resolve("v2.wav"), download(jobId, ""));
        assertThat(MediaProbe.duration(soundtrack)).isCloseTo(9.0, within(0.05));
        // the FLAC scene is there, as loud as the same scene in the version before
        Path before = Files.write(tmp.resolve("v1.wav"), download(jobId, "?version=1"));
        assertThat(MediaProbe.meanVolume(soundtrack, 0.5, 2.0)).isGreaterThan(-40)
                .isCloseTo(MediaProbe.meanVolume(before, 0.5, 2.0), within(1.5));
    }

    /** The SHA-256 of each scene's stored segment (a WAV), by scene index. */
    private static Map<Integer, String> segmentHashes(String jobId) throws Exception {
        Map<Integer, String> hashes = new TreeMap<>();
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("SELECT scene_index, lo_get(content) FROM scene_segments WHERE job_id = CAST(? AS uuid)")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hashes.put(r.getInt(1), sha256(r.getBytes(2)));
                }
            }
        }
        return hashes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
