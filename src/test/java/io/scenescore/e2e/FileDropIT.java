package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.MediaProbe;
import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/** Jobs dropped into the inbox as files: results in the outbox, refusals in .error/, nothing outside the folders. */
class FileDropIT {

    static final String TWO_SCENES = """
            {"storyboard": {"scenes": [
              {"title": "Harbour", "description": "dawn over the harbour", "duration": 3},
              {"title": "Market", "description": "a busy market", "duration": 4}]},
             "audio_params": {"fade_duration": 0.5}}""";

    static TestDatabase db;
    static RunningService service;
    static Path root;
    static Path inbox;
    static Path outbox;

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(() -> {
        // the folders sit two levels down, so that ../../ from the inbox lands inside root, where it can be seen
        root = Files.createTempDirectory("scenescore-filedrop");
        inbox = root.resolve("drop/inbox");
        outbox = root.resolve("drop/outbox");
        return Map.of(
                "scenescore.inbox", inbox.toString(),
                "scenescore.outbox", outbox.toString(),
                "scenescore.filedrop.poll-ms", "200",
                "scenescore.filedrop.outbox-period-ms", "200");
    });

    @Test
    void aDroppedJobEndsWithItsSoundtrackAndFinalStatusInTheOutbox() throws Exception {
        Files.writeString(inbox.resolve("harbour.json"), TWO_SCENES);

        JsonNode status = awaitFinalStatus("harbour");

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/progress/percentage").asInt()).isEqualTo(100);
        Path mp3 = outbox.resolve("harbour.mp3");
        assertThat(MediaProbe.probe(mp3).at("/streams/0/codec_name").asText()).isEqualTo("mp3");
        assertThat(MediaProbe.duration(mp3)).isCloseTo(7.0, within(0.1));
        assertThat(Files.size(mp3)).isEqualTo(status.at("/audio/size_bytes").asLong());
        // the same document as the HTTP API's
        assertThat(status).isEqualTo(service.status(status.path("job_id").asText()));
        assertThat(inbox.resolve(".done/harbour.json")).hasContent(TWO_SCENES);
        assertThat(inbox.resolve("harbour.json")).doesNotExist();
        assertThat(inbox.resolve(".error/harbour.error.json")).doesNotExist();
    }

    @Test
    void aDroppedJobWithAVideoEndsWithTheMergedVideoToo() throws Exception {
        // the video first (written aside and renamed in), then the job file
        Path video = root.resolve("film-source.mp4");
        MediaProbe.ffmpeg("-f", "lavfi", "-i", "testsrc=duration=7:size=320x240:rate=25", "-pix_fmt", "yuv420p", video.toString());
        Files.move(video, inbox.resolve("film.mp4"));
        Files.writeString(inbox.resolve("film.json"), TWO_SCENES.replace("\"fade_duration\": 0.5", "\"fade_duration\": 0.5, \"merge_with_video\": true"));

        JsonNode status = awaitFinalStatus("film");

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("completed");
        assertThat(status.at("/video/available").asBoolean()).as(status.toString()).isTrue();
        // the same document as the HTTP API's, video part included
        assertThat(status).isEqualTo(service.status(status.path("job_id").asText()));
        Path mergedFile = outbox.resolve("film.mp4");
        assertThat(mergedFile).exists();
        assertThat(Files.size(mergedFile)).isEqualTo(status.at("/video/size_bytes").asLong());
        JsonNode merged = MediaProbe.probe(mergedFile);
        JsonNode videoStream = stream(merged, "video");
        JsonNode audioStream = stream(merged, "audio");
        assertThat(audioStream.path("codec_name").asText()).isEqualTo("aac");
        assertThat(videoStream.path("duration").asDouble()).isCloseTo(7.0, within(FRAME));
        assertThat(audioStream.path("duration").asDouble()).as("audio against video").isCloseTo(videoStream.path("duration").asDouble(), within(FRAME));
        assertThat(inbox.resolve(".done/film.json")).exists();
        assertThat(inbox.resolve(".done/film.mp4")).exists();
        assertThat(inbox.resolve("film.mp4")).doesNotExist();
        assertThat(inbox.resolve(".error/film.error.json")).doesNotExist();
    }

    @Test
    void aDroppedVideoThatIsNotAVideoGoesToErrorWithItsJobFile() throws Exception {
        long jobsBefore = count("jobs");
        Files.writeString(inbox.resolve("notes.mp4"), "these are my notes, not a film");
        Files.writeString(inbox.resolve("notes.json"), TWO_SCENES);

        Path reason = inbox.resolve(".error/notes.error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));
        JsonNode problem = RunningService.json(Files.readString(reason));
        assertThat(problem.path("status").asInt()).as(problem.toString()).isEqualTo(422);
        assertThat(problem.path("title").asText()).isEqualTo("Not a video");
        assertThat(problem.path("errors").findValuesAsText("field")).contains("video");
        assertThat(problem.path("detail").asText()).contains("notes.mp4");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inbox.resolve(".error/notes.json")));
        assertThat(inbox.resolve(".error/notes.mp4")).exists();
        assertThat(inbox.resolve("notes.mp4")).doesNotExist();
        assertThat(inbox.resolve("notes.json")).doesNotExist();
        assertThat(count("jobs")).isEqualTo(jobsBefore);
    }

    private static final double FRAME = 1.0 / 25;

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (s.path("codec_type").asText().equals(type)) {
                return s;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    static Stream<Arguments> refusedDrops() {
        return Stream.of(
                Arguments.of("malformed JSON", "broken.json", "{\"storyboard\": {\"scenes\": [", "broken", "Malformed JSON", "body"),
                Arguments.of("a scene without duration", "no-duration.json",
                        "{\"storyboard\": {\"scenes\": [{\"description\": \"a\"}]}}", "no-duration", "Invalid request",
                        "storyboard.scenes[0].duration"),
                Arguments.of("a name that climbs out of the folder", "..\\..\\x.json", TWO_SCENES, "__.._x", "Invalid request", "file"),
                Arguments.of("a name that is a path", "a\\..\\..\\..\\y.json", TWO_SCENES, "a_.._.._.._y", "Invalid request", "file"),
                Arguments.of("a file over the JSON body limit", "huge.json", "{\"storyboard\": " + " ".repeat(1 << 20) + "{}}", "huge",
                        "Content too large", "body"),
                Arguments.of("a stored job instead of a storyboard", "by-id.json",
                        "{\"job_id\": \"3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c\"}", "by-id", "Invalid request", "job_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedDrops")
    void aRefusedDropGoesToErrorWithTheReasonTheApiWouldGive(String why, String fileName, String content, String setAsideAs,
            String title, String field) throws Exception {
        Map<Path, String> outsideBefore = filesOutsideTheFolders();
        long jobsBefore = count("jobs");

        Files.writeString(inbox.resolve(fileName), content);

        Path reason = inbox.resolve(".error/" + setAsideAs + ".error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));
        JsonNode problem = RunningService.json(Files.readString(reason));
        assertThat(problem.path("status").asInt()).as(problem.toString()).isBetween(400, 499);
        assertThat(problem.path("title").asText()).isEqualTo(title);
        if (!field.equals("body")) {
            assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(problem.path("detail").asText()).isNotBlank();
        // the reason is written first; Camel moves the file itself once the exchange completes
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inbox.resolve(".error/" + setAsideAs + ".json")));
        assertThat(inbox.resolve(".error/" + setAsideAs + ".json")).hasContent(content);
        assertThat(Files.exists(inbox.resolve(fileName))).isFalse();
        assertThat(count("jobs")).isEqualTo(jobsBefore);
        assertThat(filesOutsideTheFolders()).isEqualTo(outsideBefore);
    }

    @Test
    void aLinkIsSetAsideWithoutFollowingIt() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.json"), TWO_SCENES);
        Map<Path, String> outsideBefore = filesOutsideTheFolders();

        Files.createSymbolicLink(inbox.resolve("link.json"), secret);

        Path reason = inbox.resolve(".error/link.error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));
        assertThat(RunningService.json(Files.readString(reason)).path("detail").asText()).contains("link");
        assertThat(Files.isSymbolicLink(inbox.resolve(".error/link.json"))).isTrue();
        assertThat(outbox.resolve("link.status.json")).doesNotExist();
        assertThat(filesOutsideTheFolders()).isEqualTo(outsideBefore);
    }

    @Test
    void theSameInvalidBodyGetsTheSameWordsOverHttp() throws Exception {
        String body = "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": -2}]}}";
        String http = service.postJson("/api/v3/audio/generate-scenes", body).body();

        Files.writeString(inbox.resolve("negative.json"), body);

        Path reason = inbox.resolve(".error/negative.error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));
        assertThat(RunningService.json(Files.readString(reason))).isEqualTo(RunningService.json(http));
    }

    @Test
    void aNameAlreadyUsedIsRefusedAndTheFirstJobsResultsStay() throws Exception {
        Files.writeString(inbox.resolve("twice.json"), TWO_SCENES);
        JsonNode first = awaitFinalStatus("twice");
        byte[] firstMp3 = Files.readAllBytes(outbox.resolve("twice.mp3"));

        String second = TWO_SCENES.replace("\"duration\": 4", "\"duration\": 5");
        Files.writeString(inbox.resolve("TWICE.json"), second);

        Path reason = inbox.resolve(".error/TWICE.error.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));
        JsonNode problem = RunningService.json(Files.readString(reason));
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("detail").asText()).contains(first.path("job_id").asText());
        assertThat(outbox.resolve("twice.mp3")).hasBinaryContent(firstMp3);
        assertThat(RunningService.json(Files.readString(outbox.resolve("twice.status.json")))).isEqualTo(first);
    }

    @Test
    void hiddenAndOtherFilesAreLeftAlone() throws Exception {
        Files.writeString(inbox.resolve(".being-written.json"), "{\"storyb");
        Files.writeString(inbox.resolve("notes.txt"), "not a job");
        // a job dropped after them is taken: they were looked at and passed over
        Files.writeString(inbox.resolve("after-them.json"), TWO_SCENES);

        awaitFinalStatus("after-them");

        assertThat(inbox.resolve(".being-written.json")).exists();
        assertThat(inbox.resolve("notes.txt")).exists();
        assertThat(inbox.resolve(".error/.being-written.error.json")).doesNotExist();
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenBeforeItIsComplete() throws Exception {
        byte[] whole = TWO_SCENES.getBytes(StandardCharsets.UTF_8);
        Path file = inbox.resolve("slow.json");
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // a few bytes every 150 ms: about 4 s for the whole file, each piece leaving invalid JSON behind
            writer.scheduleAtFixedRate(() -> {
                int from = written.get();
                int to = Math.min(whole.length, from + whole.length / 25 + 1);
                try {
                    out.write(whole, from, to - from);
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                written.set(to);
            }, 0, 150, TimeUnit.MILLISECONDS);

            // while it grows, it stays where it is: not taken, not refused
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                assertThat(inbox.resolve(".error/slow.error.json")).doesNotExist();
                assertThat(inbox.resolve(".done/slow.json")).doesNotExist();
                assertThat(file).exists();
                return written.get() == whole.length;
            });
        } finally {
            writer.shutdownNow();
        }

        JsonNode status = awaitFinalStatus("slow");

        assertThat(status.path("status").asText()).isEqualTo("completed");
        assertThat(inbox.resolve(".done/slow.json")).hasContent(TWO_SCENES);
    }

    /** Waits for NAME.status.json to hold a run that has ended, and returns it. */
    static JsonNode awaitFinalStatus(String name) {
        Path statusFile = outbox.resolve(name + ".status.json");
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            // Camel replaces the status file by deleting it just before renaming the new one in
            try {
                last[0] = RunningService.json(Files.readString(statusFile));
            } catch (java.nio.file.NoSuchFileException e) {
                return false;
            }
            return List.of("completed", "failed", "canceled").contains(last[0].path("status").asText());
        });
        return last[0];
    }

    /** Every file under the test's root but outside the inbox and outbox, with its content. */
    static Map<Path, String> filesOutsideTheFolders() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                if (!p.startsWith(inbox) && !p.startsWith(outbox)) {
                    files.put(root.relativize(p), Files.readString(p));
                }
            }
        }
        return files;
    }

    static long count(String table) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
