package io.scenescore.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import io.scenescore.store.MediaStore;

/**
 * Stores the run's soundtrack as the job's next version: the file streamed into a large object and the row naming
 * it ({@code sql/store-soundtrack.sql}) in one transaction, so the soundtrack is never whole in the heap.
 */
public final class SoundtrackStore {

    private static final String STORE = statement("sql/store-soundtrack.sql");
    private final MediaStore media;

    public SoundtrackStore(MediaStore media) {
        this.media = media;
    }

    /** The version the soundtrack was stored as; null when the job is gone (then nothing is kept). */
    public Integer store(Run run, Soundtrack soundtrack) throws SQLException, IOException {
        String params = run.paramsJson();
        return media.store(soundtrack.file(), (c, object) -> {
            try (PreparedStatement s = c.prepareStatement(STORE)) {
                s.setString(1, params);
                s.setString(2, soundtrack.format());
                s.setLong(3, object.oid());
                s.setDouble(4, soundtrack.durationSeconds());
                s.setLong(5, object.sizeBytes());
                s.setString(6, object.etag());
                number(s, 7, soundtrack.integratedLufs());
                number(s, 8, soundtrack.truePeakDbtp());
                number(s, 9, soundtrack.rangeLu());
                s.setString(10, run.jobId());
                try (ResultSet version = s.executeQuery()) {
                    return version.next() ? version.getInt(1) : null;
                }
            }
        });
    }

    private static void number(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }

    private static String statement(String resource) {
        try (InputStream in = SoundtrackStore.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
