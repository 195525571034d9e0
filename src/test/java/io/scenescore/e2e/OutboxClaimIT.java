package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.scenescore.support.TestDatabase;

/**
 * The outbox's claim (sql/claim-outbox-writes.sql, run as the route runs it) takes the drops whose files are behind
 * their job, from the version each drop keeps (V15's triggers), and reads only those through the partial index
 * file_drops_behind: drops left from before V15, a job's change, a scene stored, changed or removed, a write recorded, a
 * change made while it was written, a new drop, a deleted job.
 */
class OutboxClaimIT {

    private static final String ME = "instance-a";
    /** A job's version as the outbox counted it before V15, in the claim itself. */
    private static final String OLD_VERSION = """
            (SELECT (extract(epoch FROM greatest(j.updated_at,
                (SELECT max(s.updated_at) FROM scene_segments s WHERE s.job_id = j.id))) * 1000000)::bigint
             FROM jobs j WHERE j.id = f.job_id)""";

    @Test
    void dropsBehindTheirJobAreClaimedOnceAndAgainAfterEachChange() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect(); Statement s = c.createStatement()) {
            migrate(db, "14");
            // before V15: "written" is up to date, "never" has no files yet, "stale" was written before its job changed
            for (String name : new String[] {"written", "never", "stale"}) {
                s.execute("INSERT INTO jobs (id, storyboard, status) VALUES (" + job(name) + ", '{}', 'completed')");
                s.execute("INSERT INTO scene_segments (job_id, scene_index, status) VALUES (" + job(name) + ", 0, 'completed')");
                s.execute("INSERT INTO file_drops (name, job_id) VALUES ('" + name + "', " + job(name) + ")");
            }
            s.execute("UPDATE file_drops f SET written_version = " + OLD_VERSION + " WHERE name IN ('written', 'stale')");
            s.execute("UPDATE jobs SET updated_at = clock_timestamp() WHERE id = " + job("stale"));
            migrate(db, null);

            Map<String, Long> claimed = claim(c);
            assertThat(claimed).containsOnlyKeys("never", "stale");
            assertThat(claimed.get("stale")).isEqualTo(oldVersion(s, "stale"));
            assertThat(claim(c)).as("claimed already, not yet written").isEmpty();
            claimed.forEach((name, version) -> record(c, name, version));
            assertThat(claim(c)).isEmpty();

            // the job's row changed (a run's stage, a lease held with its stage: updated_at moves)
            s.execute("UPDATE jobs SET updated_at = clock_timestamp() WHERE id = " + job("written"));
            assertThat(claim(c)).containsOnlyKeys("written").containsValue(oldVersion(s, "written"));
            record(c, "written", oldVersion(s, "written"));
            // a change that leaves updated_at as it was (another column alone) is not one the outbox shows
            s.execute("UPDATE jobs SET lease_expires_at = now() WHERE id = " + job("written"));
            assertThat(claim(c)).isEmpty();

            // a scene stored, then one changed
            s.execute("INSERT INTO scene_segments (job_id, scene_index, status) VALUES (" + job("never") + ", 1, 'running')");
            assertThat(claim(c)).containsOnlyKeys("never").containsValue(oldVersion(s, "never"));
            record(c, "never", oldVersion(s, "never"));
            s.execute("UPDATE scene_segments SET status = 'completed', updated_at = clock_timestamp() WHERE job_id = "
                    + job("never") + " AND scene_index = 1");
            long beingWritten = claim(c).get("never");
            // the job changes while its files are written: recording that write leaves it behind, for the next poll
            s.execute("UPDATE jobs SET updated_at = clock_timestamp() WHERE id = " + job("never"));
            record(c, "never", beingWritten);
            assertThat(claim(c)).containsOnlyKeys("never").containsValue(oldVersion(s, "never"));
            record(c, "never", oldVersion(s, "never"));

            // the latest change a scene that is then removed, the job's row untouched: the version goes back to the row's
            s.execute("INSERT INTO scene_segments (job_id, scene_index, status) VALUES (" + job("never") + ", 2, 'running')");
            record(c, "never", claim(c).get("never"));
            s.execute("DELETE FROM scene_segments WHERE job_id = " + job("never") + " AND scene_index = 2");
            assertThat(claim(c)).containsOnlyKeys("never").containsValue(oldVersion(s, "never"));
            record(c, "never", oldVersion(s, "never"));

            // a new drop is behind until its first write
            s.execute("INSERT INTO jobs (id, storyboard, status) VALUES (" + job("new") + ", '{}', 'created')");
            s.execute("INSERT INTO file_drops (name, job_id) VALUES ('new', " + job("new") + ")");
            assertThat(claim(c)).containsOnlyKeys("new").containsValue(oldVersion(s, "new"));

            // a dropped job deleted takes its drop and its scenes with it
            s.execute("DELETE FROM jobs WHERE id = " + job("stale"));
            assertThat(count(s, "SELECT count(*) FROM file_drops WHERE name = 'stale'")).isZero();
            assertThat(count(s, "SELECT count(*) FROM scene_segments WHERE job_id = " + job("stale"))).isZero();
        }
    }

    @Test
    void theClaimReadsOnlyTheDropsBehindNotEveryJobDropped() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect(); Statement s = c.createStatement()) {
            migrate(db, null);
            s.execute("""
                    INSERT INTO jobs (id, storyboard, status)
                    SELECT md5('job' || g)::uuid, '{}', 'completed' FROM generate_series(1, 3000) g""");
            s.execute("INSERT INTO scene_segments (job_id, scene_index, status) SELECT id, i, 'completed' FROM jobs, generate_series(0, 3) i");
            s.execute("INSERT INTO file_drops (name, job_id) SELECT 'drop-' || id, id FROM jobs");
            s.execute("UPDATE file_drops SET written_version = job_version");
            s.execute("UPDATE jobs SET updated_at = clock_timestamp() WHERE id = md5('job' || 17)::uuid");
            s.execute("ANALYZE");

            String plan;
            try (ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + statement("claim-outbox-writes.sql")
                    .replaceFirst(PLACEHOLDER, "'" + ME + "'").replaceFirst(PLACEHOLDER, "30"))) {
                r.next();
                plan = r.getString(1);
            }
            assertThat(plan).as("the drops behind, from the partial index").contains("\"Index Name\": \"file_drops_behind\"");
            assertThat(plan).as("no dropped job's row or scenes read").doesNotContain("\"Relation Name\": \"jobs\"")
                    .doesNotContain("\"Relation Name\": \"scene_segments\"").doesNotContain("Seq Scan");
            assertThat(plan).contains("\"Actual Rows\": 1,");
        }
    }

    private static final String PLACEHOLDER = ":#\\$\\{[^}]*\\}";

    private static void migrate(TestDatabase db, String target) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        dataSource.setUser(db.user());
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }

    private static String job(String name) {
        return "md5('" + name + "')::uuid";
    }

    private static long oldVersion(Statement s, String name) throws SQLException {
        return count(s, "SELECT " + OLD_VERSION + " FROM file_drops f WHERE name = '" + name + "'");
    }

    private static long count(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The route's claim as this instance (a claim of 30 s): name to version claimed. */
    private static Map<String, Long> claim(Connection c) throws SQLException {
        Map<String, Long> claimed = new TreeMap<>();
        try (PreparedStatement claim = c.prepareStatement(statement("claim-outbox-writes.sql").replaceAll(PLACEHOLDER, "?"))) {
            claim.setString(1, ME);
            claim.setInt(2, 30);
            try (ResultSet r = claim.executeQuery()) {
                while (r.next()) {
                    claimed.put(r.getString("name"), r.getLong("version"));
                }
            }
        }
        return claimed;
    }

    /** The route's record of a write: the drop's files show this version of its job; the claim is given back. */
    private static void record(Connection c, String name, long version) {
        try (PreparedStatement record = c.prepareStatement(statement("record-outbox-write.sql").replaceAll(PLACEHOLDER, "?"))) {
            record.setLong(1, version);
            record.setString(2, name);
            record.setString(3, ME);
            assertThat(record.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statement(String file) {
        try (InputStream in = OutboxClaimIT.class.getClassLoader().getResourceAsStream("sql/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
