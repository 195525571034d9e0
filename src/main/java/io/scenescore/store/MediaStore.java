package io.scenescore.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

import io.scenescore.media.VideoFacts;
import io.scenescore.video.ArrivedVideo;

/**
 * Videos and soundtracks in PostgreSQL as large objects, streamed in chunks between a local file and the database:
 * neither is ever whole in the heap (bytea would be, on every read; a long WAV soundtrack is hundreds of MB). The
 * row naming a large object is written in the same transaction as the object, so neither exists without the other.
 */
public final class MediaStore {

    private static final int CHUNK = 1 << 20;
    private final DataSource dataSource;

    public MediaStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A file written as a large object: its oid, length and SHA-256 (hex). */
    public record Written(long oid, long sizeBytes, String sha256) {

        /** A strong ETag: the SHA-256, shortened to 16 bytes (hex). */
        public String etag() {
            return sha256.substring(0, 32);
        }
    }

    /** Writes the row that names a just-written large object, on the connection (and in the transaction) that wrote it. */
    @FunctionalInterface
    public interface RowWriter<T> {
        /** @return what the row's statement answered; null when it wrote no row (then the object is not kept either) */
        T write(Connection c, Written object) throws SQLException;
    }

    /** Stores {@code file} as a large object and, in the same transaction, the row {@code row} writes to name it. */
    public <T> T store(Path file, RowWriter<T> row) throws SQLException, IOException {
        return inTransaction(c -> {
            T answer = row.write(c, write(c, file));
            if (answer == null) {
                c.rollback();
            }
            return answer;
        });
    }

    /** Stores a job's arrived source video with its probed facts, replacing any it had. */
    public Written storeSource(String jobId, ArrivedVideo video) throws SQLException, IOException {
        return store(video.file(), (c, written) -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO source_videos (job_id, content, file_name, content_type, size_bytes, sha256,
                                               duration_seconds, frame_rate, width, height, video_codec)
                    VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (job_id) DO UPDATE
                    SET content = EXCLUDED.content, file_name = EXCLUDED.file_name, content_type = EXCLUDED.content_type,
                        size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
                        duration_seconds = EXCLUDED.duration_seconds, frame_rate = EXCLUDED.frame_rate,
                        width = EXCLUDED.width, height = EXCLUDED.height, video_codec = EXCLUDED.video_codec,
                        created_at = now()""")) {
                VideoFacts facts = video.facts();
                s.setString(1, jobId);
                s.setLong(2, written.oid());
                s.setString(3, video.fileName());
                s.setString(4, facts.contentType());
                s.setLong(5, written.sizeBytes());
                s.setString(6, written.sha256());
                s.setDouble(7, facts.durationSeconds());
                s.setDouble(8, facts.frameRate());
                s.setInt(9, facts.width());
                s.setInt(10, facts.height());
                s.setString(11, facts.codec());
                s.executeUpdate();
            }
            return written;
        });
    }

    /**
     * Fills in what the service knows about a source video an upstream system stored with its content only:
     * {@code file} is that content, exported, and {@code facts} what ffprobe read from it.
     */
    public void describeSource(String jobId, Path file, VideoFacts facts) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE source_videos
                     SET size_bytes = ?, sha256 = ?, content_type = coalesce(content_type, ?), duration_seconds = ?,
                         frame_rate = ?, width = ?, height = ?, video_codec = ?
                     WHERE job_id = CAST(? AS uuid)""")) {
            s.setLong(1, Files.size(file));
            s.setString(2, sha256(file));
            s.setString(3, facts.contentType());
            s.setDouble(4, facts.durationSeconds());
            s.setDouble(5, facts.frameRate());
            s.setInt(6, facts.width());
            s.setInt(7, facts.height());
            s.setString(8, facts.codec());
            s.setString(9, jobId);
            s.executeUpdate();
        }
    }

    /** Stores the merged video of a job's version (replacing the reason it failed, if a resumed run had stored one). */
    public Written storeMerged(String jobId, int version, Path file, double durationSeconds) throws SQLException, IOException {
        return store(file, (c, written) -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO merged_videos (job_id, version, content, size_bytes, sha256, etag, duration_seconds, error)
                    VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, NULL)
                    ON CONFLICT (job_id, version) DO UPDATE
                    SET content = EXCLUDED.content, size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
                        etag = EXCLUDED.etag, duration_seconds = EXCLUDED.duration_seconds, error = NULL,
                        created_at = now()""")) {
                s.setString(1, jobId);
                s.setInt(2, version);
                s.setLong(3, written.oid());
                s.setLong(4, written.sizeBytes());
                s.setString(5, written.sha256());
                s.setString(6, written.etag());
                if (durationSeconds > 0) {
                    s.setDouble(7, durationSeconds);
                } else {
                    s.setNull(7, Types.DOUBLE);
                }
                s.executeUpdate();
            }
            return written;
        });
    }

    /**
     * Large object {@code oid} as the file {@code target}, for FFmpeg or for sending. Written beside it and moved
     * into place, so a file at {@code target} is always complete; one that is there already is kept, marked as used
     * now ({@link WorkFolders#trimCopies} removes the least recently used copies first).
     */
    public Path export(long oid, Path target) throws SQLException, IOException {
        if (WorkFolders.used(target)) {
            return target;
        }
        Path part = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(target.getParent());
            Files.createFile(part);
        } catch (NoSuchFileException e) {
            // the folder was found empty and removed (WorkFolders.trimCopies) just as it was made; with the part in it, it stays
            Files.createDirectories(target.getParent());
            Files.createFile(part);
        }
        try {
            inTransaction(c -> {
                LargeObject lo = largeObjects(c).open(oid, LargeObjectManager.READ);
                try (OutputStream out = Files.newOutputStream(part)) {
                    byte[] buffer = new byte[CHUNK];
                    int n;
                    while ((n = lo.read(buffer, 0, buffer.length)) > 0) {
                        out.write(buffer, 0, n);
                    }
                } finally {
                    lo.close();
                }
                return part;
            });
        } catch (SQLException | IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Work on one connection that needs a transaction (large objects do). */
    private interface TransactionWork<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(TransactionWork<T> work) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static Written write(Connection c, Path file) throws SQLException, IOException {
        LargeObjectManager objects = largeObjects(c);
        long oid = objects.createLO(LargeObjectManager.READWRITE);
        LargeObject lo = objects.open(oid, LargeObjectManager.WRITE);
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = in.read(buffer)) > 0) {
                lo.write(buffer, 0, n);
                size += n;
            }
        } finally {
            lo.close();
        }
        return new Written(oid, size, HexFormat.of().formatHex(sha.digest()));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static LargeObjectManager largeObjects(Connection c) throws SQLException {
        // Hikari hands out proxies; the large object API is the driver's own
        return c.unwrap(PGConnection.class).getLargeObjectAPI();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
