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
 * Stores the run's music: each finished scene, and the soundtrack as the job's next version. The file is streamed
 * into a large object and the row naming it written in the same transaction ({@code sql/store-segment.sql},
 * {@code sql/store-soundtrack.sql}), so no piece of music is ever whole in the heap.
 */
public final class MusicStore {

    private static final String STORE = statement("sql/store-soundtrack.sql");
    private static final String STORE_SCENE = statement("sql/store-segment.sql");
    private final MediaStore media;

    public MusicStore(MediaStore media) {
        this.media = media;
    }

    /** Stores a finished scene (music or silence), cut to its length; when its row is gone (with its job), nothing is kept. */
    public void storeScene(Run run, SceneWork scene) throws SQLException, IOException {
        String cue = scene.cueJson();
        media.store(scene.segmentFile(), (c, object) -> {
            try (PreparedStatement s = c.prepareStatement(STORE_SCENE)) {
                s.setString(1, scene.status());
                s.setString(2, scene.source());
                s.setLong(3, object.oid());
                s.setString(4, scene.continuationUrl());
                s.setInt(5, scene.continuationSeconds());
                s.setString(6, scene.musicalContext());
                s.setString(7, scene.error());
                s.setString(8, cue);
                s.setString(9, run.jobId());
                s.setInt(10, scene.index());
                try (ResultSet count = s.executeQuery()) {
                    return count.next() && count.getInt(1) > 0 ? Boolean.TRUE : null;
                }
            }
        });
    }

    /** The version the soundtrack was stored as; null when the job is gone (then nothing is kept). */
    public Integer storeSoundtrack(Run run, Soundtrack soundtrack) throws SQLException, IOException {
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
        try (InputStream in = MusicStore.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
