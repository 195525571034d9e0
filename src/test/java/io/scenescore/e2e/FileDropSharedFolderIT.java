package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;
import io.scenescore.support.TestDatabase;

/** Two instances on one database and one pair of folders: every dropped file becomes exactly one run. */
class FileDropSharedFolderIT {

    static final int FILES = 12;
    @RegisterExtension
    static final ServiceExtension database = ServiceExtension.databaseOnly();
    static TestDatabase db;
    static RunningService first;
    static RunningService second;
    static Path inbox;
    static Path outbox;

    /** Two instances, so started here on the extension's database. */
    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path root = Files.createTempDirectory("scenescore-filedrop-shared");
        inbox = root.resolve("inbox");
        outbox = root.resolve("outbox");
        // both poll often and at the same pace, so that they meet on the same files
        Map<String, String> shared = Map.of(
                "scenescore.inbox", inbox.toString(),
                "scenescore.outbox", outbox.toString(),
                "scenescore.filedrop.poll-ms", "100",
                "scenescore.filedrop.read-lock-check-ms", "200",
                "scenescore.filedrop.outbox-period-ms", "100");
        first = RunningService.start(db, shared);
        second = RunningService.start(db, shared);
    }

    @AfterAll
    static void stopTwoInstances() throws Exception {
        first.close();
        second.close();
    }

    @Test
    void eachFileIsTakenOnceAndRunOnce() throws Exception {
        // each instance takes some of the files: the consumers really meet on the folder
        NotifyBuilder firstTakes = new NotifyBuilder(first.camelContext()).fromRoute("filedrop-inbox").whenDone(1).create();
        NotifyBuilder secondTakes = new NotifyBuilder(second.camelContext()).fromRoute("filedrop-inbox").whenDone(1).create();
        for (int i = 0; i < FILES; i++) {
            Files.writeString(inbox.resolve("shared-" + i + ".json"),
                    "{\"storyboard\": {\"scenes\": [{\"description\": \"scene " + i + "\", \"duration\": 2}]}}");
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> completedInOutbox() == FILES);

        assertThat(firstTakes.matches()).as("the first instance took files").isTrue();
        assertThat(secondTakes.matches()).as("the second instance took files").isTrue();
        Map<String, Long> jobsPerDrop = new HashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT d.name, count(j.id) FROM file_drops d JOIN jobs j ON j.id = d.job_id GROUP BY d.name")) {
            while (r.next()) {
                jobsPerDrop.put(r.getString(1), r.getLong(2));
            }
        }
        assertThat(jobsPerDrop).hasSize(FILES).allSatisfy((name, jobs) -> assertThat(jobs).isEqualTo(1));
        // no job was made by a second take of a file either: one job per file, and no more
        assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(FILES);
        assertThat(count("SELECT count(*) FROM camel_messageprocessed")).isEqualTo(FILES);
        try (Stream<Path> done = Files.list(inbox.resolve(".done")); Stream<Path> error = Files.list(inbox.resolve(".error"));
             Stream<Path> left = Files.list(inbox)) {
            assertThat(done.count()).isEqualTo(FILES);
            assertThat(error.count()).isZero();
            assertThat(left.filter(Files::isRegularFile).count()).isZero();
        }
    }

    static int completedInOutbox() throws Exception {
        int completed = 0;
        for (int i = 0; i < FILES; i++) {
            Path status = outbox.resolve("shared-" + i + ".status.json");
            JsonNode doc;
            try {
                doc = RunningService.json(Files.readString(status));
            } catch (java.nio.file.NoSuchFileException e) {
                // not written yet, or being replaced (Camel deletes it just before renaming the new one in)
                continue;
            }
            if (doc.path("status").asText().equals("completed") && Files.exists(outbox.resolve("shared-" + i + ".mp3"))) {
                completed++;
            }
        }
        return completed;
    }

    static long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
