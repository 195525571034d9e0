package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.scenescore.support.TestDatabase;

/**
 * Soundtracks (V12) and scene segments (V13) stored as bytea by earlier versions move into large objects, byte for
 * byte, in the server.
 */
class SoundtrackMigrationIT {

    private static final String JOB = "0b0e9a4c-3f1d-4a8e-9c51-7d2f6b8e1a01";

    @Test
    void storedSoundtracksAndSegmentsBecomeLargeObjectsWithTheSameBytes() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(db.url());
            dataSource.setUser(db.user());
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("11").load().migrate();
            byte[] first = new byte[300_000];
            Arrays.fill(first, (byte) 7);
            byte[] second = "ID3 a second version".getBytes();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO jobs (id, storyboard, status) VALUES ('" + JOB + "', '{}', 'completed')");
                for (int version = 1; version <= 2; version++) {
                    try (PreparedStatement insert = c.prepareStatement("""
                            INSERT INTO soundtracks (job_id, version, format, audio, duration_seconds, size_bytes, etag)
                            VALUES (CAST(? AS uuid), ?, 'mp3', ?, 3, ?, 'e')""")) {
                        byte[] audio = version == 1 ? first : second;
                        insert.setString(1, JOB);
                        insert.setInt(2, version);
                        insert.setBytes(3, audio);
                        insert.setLong(4, audio.length);
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO scene_segments (job_id, scene_index, status, source, audio, audio_format)
                        VALUES (CAST(? AS uuid), 0, 'completed', 'composer', ?, 'wav')""")) {
                    insert.setString(1, JOB);
                    insert.setBytes(2, second);
                    insert.executeUpdate();
                }
            }

            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT version, lo_get(content) FROM soundtracks ORDER BY version")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getBytes(2)).isEqualTo(first);
                    assertThat(r.next()).isTrue();
                    assertThat(r.getBytes(2)).isEqualTo(second);
                }
                try (ResultSet r = s.executeQuery("SELECT lo_get(content) FROM scene_segments")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getBytes(1)).isEqualTo(second);
                }
                try (ResultSet r = s.executeQuery("""
                        SELECT count(*) FROM information_schema.columns
                        WHERE table_name IN ('soundtracks', 'scene_segments') AND column_name = 'audio'""")) {
                    r.next();
                    assertThat(r.getInt(1)).as("the bytea columns are gone").isZero();
                }
                // deleting the job deletes its soundtracks' large objects with them
                s.execute("DELETE FROM jobs WHERE id = '" + JOB + "'");
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_largeobject_metadata")) {
                    r.next();
                    assertThat(r.getInt(1)).isZero();
                }
            }
        }
    }
}
