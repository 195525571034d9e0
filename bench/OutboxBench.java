import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import io.scenescore.support.ProcessCpu;
import io.scenescore.support.TestDatabase;

/**
 * The file drop's outbox poll (sql/claim-outbox-writes.sql, each second on each instance) as the dropped jobs pile
 * up, every one's files written (the poll finds nothing to do, as most of the time): PostgreSQL's time per poll with
 * the claim before V15 (every dropped job's version worked out on each poll) and now (the drops behind, from a
 * partial index kept by triggers), and what those triggers add to a job's update (a run's stage, a lease held).
 * PostgreSQL's CPU is that of every postgres process of the machine: run it on a quiet one. Usage (from
 * bench/outbox-bench.sh): OutboxBench [drops=50000] [polls=20]
 */
public class OutboxBench {

    /** The claim before V15 (git show f0210bb:src/main/resources/sql/claim-outbox-writes.sql), placeholders bound. */
    private static final String BEFORE = """
            WITH job_versions AS (
                SELECT f.name,
                       (extract(epoch FROM greatest(j.updated_at,
                            (SELECT max(s.updated_at) FROM scene_segments s WHERE s.job_id = j.id))) * 1000000)::bigint AS version
                FROM file_drops f JOIN jobs j ON j.id = f.job_id
            ), claimable AS (
                SELECT f.name, c.version
                FROM file_drops f JOIN job_versions c ON c.name = f.name
                WHERE f.written_version IS DISTINCT FROM c.version
                  AND (f.writer_until IS NULL OR f.writer_until < now())
                ORDER BY f.dropped_at
                LIMIT 50
                FOR UPDATE OF f SKIP LOCKED
            )
            UPDATE file_drops d
            SET writer = 'bench', writer_until = now() + make_interval(secs => 30)
            FROM claimable c
            WHERE d.name = c.name
            RETURNING d.name, d.job_id, c.version""";

    public static void main(String[] args) throws Exception {
        int drops = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int polls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String now = new String(OutboxBench.class.getClassLoader().getResourceAsStream("sql/claim-outbox-writes.sql").readAllBytes(),
                StandardCharsets.UTF_8).replaceFirst(":#\\$\\{[^}]*\\}", "'bench'").replaceFirst(":#\\$\\{[^}]*\\}", "30");
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect(); Statement s = c.createStatement()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(db.url());
            dataSource.setUser(db.user());
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            System.out.printf("outbox poll with every dropped job's files written (4 scenes each), at least %d polls and 2 s each, PostgreSQL's CPU per poll%n", polls);
            System.out.printf("%8s | %22s | %22s | %s%n", "drops", "before V15", "now", "before / now (CPU)");
            int made = 0;
            for (int size : new int[] {Math.min(1_000, drops), drops}) {
                fill(s, made, size);
                made = size;
                double before = cpuPerPoll(c, BEFORE, polls);
                double after = cpuPerPoll(c, now, polls);
                System.out.printf("%8d | %16.2f ms CPU | %16.3f ms CPU | %.0f%n", size, before * 1000, after * 1000, before / after);
            }
            // what the triggers add to a job's update (updated_at moves): a dropped job's drop follows it, another
            // job's change looks for a drop
            int updates = 5_000;
            s.execute("INSERT INTO jobs (id, storyboard, status) SELECT md5('api' || g)::uuid, '{}', 'completed' FROM generate_series(1, "
                    + updates + ") g");
            double dropped = cpuPerUpdate(c, "job", updates);
            double other = cpuPerUpdate(c, "api", updates);
            s.execute("ALTER TABLE jobs DISABLE TRIGGER jobs_outbox");
            double without = cpuPerUpdate(c, "job", updates);
            s.execute("ALTER TABLE jobs ENABLE TRIGGER jobs_outbox");
            System.out.printf("a job's update (%d, one statement each), PostgreSQL's CPU: %.3f ms without V15's trigger; with it %.3f for a"
                    + " dropped job (%.2f times), %.3f for another (%.2f times)%n", updates, without * 1000, dropped * 1000, dropped / without,
                    other * 1000, other / without);
        }
    }

    /** Jobs from..to, 4 scenes each, dropped, their outbox files written. */
    private static void fill(Statement s, int from, int to) throws SQLException {
        s.execute("INSERT INTO jobs (id, storyboard, status) SELECT md5('job' || g)::uuid, '{}', 'completed' FROM generate_series("
                + (from + 1) + ", " + to + ") g");
        s.execute("INSERT INTO scene_segments (job_id, scene_index, status) SELECT md5('job' || g)::uuid, i, 'completed'"
                + " FROM generate_series(" + (from + 1) + ", " + to + ") g, generate_series(0, 3) i");
        s.execute("INSERT INTO file_drops (name, job_id) SELECT 'drop-' || g, md5('job' || g)::uuid FROM generate_series("
                + (from + 1) + ", " + to + ") g");
        s.execute("UPDATE file_drops SET written_version = job_version WHERE written_version IS NULL");
        s.execute("VACUUM ANALYZE");
    }

    /** At least {@code polls} polls and two seconds of them: the CPU counters tick every 10 ms. */
    private static double cpuPerPoll(Connection c, String claim, int polls) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(claim);
            double start = ProcessCpu.postgres();
            long until = System.nanoTime() + 2_000_000_000L;
            int done = 0;
            while (done < polls || System.nanoTime() < until) {
                try (ResultSet r = s.executeQuery(claim)) {
                    if (r.next()) {
                        throw new IllegalStateException("a drop was behind: " + r.getString(1));
                    }
                }
                done++;
            }
            return (ProcessCpu.postgres() - start) / done;
        }
    }

    private static double cpuPerUpdate(Connection c, String jobs, int updates) throws Exception {
        try (PreparedStatement update = c.prepareStatement("UPDATE jobs SET updated_at = clock_timestamp() WHERE id = md5('"
                + jobs + "' || ?)::uuid")) {
            double start = ProcessCpu.postgres();
            for (int i = 1; i <= updates; i++) {
                update.setInt(1, i);
                update.executeUpdate();
            }
            return (ProcessCpu.postgres() - start) / updates;
        }
    }
}
