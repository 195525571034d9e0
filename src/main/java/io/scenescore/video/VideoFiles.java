package io.scenescore.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where videos (and soundtracks) are materialised from PostgreSQL for FFmpeg and for sending: in the job's work
 * folder, named for their content (a large object's oid, an ETag), so a file found there is the right one.
 */
public final class VideoFiles {

    private static final Logger LOG = LoggerFactory.getLogger(VideoFiles.class);

    private final Path workDirectory;

    public VideoFiles(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /** The source video of a job, as a local file, for its row in source_videos. */
    public Path source(String jobId, Map<String, Object> sourceRow) {
        return workDirectory.resolve(jobId).resolve(sourceName(sourceRow));
    }

    /** A source video's copy, named for its large object. */
    private static String sourceName(Map<String, Object> sourceRow) {
        return "source-" + sourceRow.get("content") + ".video";
    }

    /** A stored source video (its source_videos row) to be exported to {@link #source} and probed, as a video arriving. */
    public ArrivedVideo storedSource(String jobId, Map<String, Object> sourceRow) {
        return stored(source(jobId, sourceRow), sourceRow);
    }

    /** A stored source video (its source_videos row) exported to {@code file}, to be probed as a video arriving. */
    public ArrivedVideo stored(Path file, Map<String, Object> sourceRow) {
        Object size = sourceRow.get("size_bytes");
        return new ArrivedVideo(file, (String) sourceRow.get("file_name"), size == null ? 0 : ((Number) size).longValue(), "video", null);
    }

    /** The merged video with ETag {@code etag}, as a local file. */
    public Path merged(String jobId, String etag) {
        return workDirectory.resolve(jobId).resolve("merged-" + etag + ".mp4");
    }

    /** The soundtrack with ETag {@code etag}, as a local file (exported for a download, the outbox or the timeline). */
    public Path soundtrack(String jobId, String etag, String format) {
        return workDirectory.resolve(jobId).resolve("soundtrack-" + etag + "." + format);
    }

    /**
     * Keeps a just-stored merged video where downloads look for it, so the first one needs no export. Only a
     * shortcut: the video is stored already, so a move that fails leaves the download to export it instead of
     * failing the merge.
     */
    public Path keepMerged(Path muxed, String jobId, String etag) {
        Path kept = merged(jobId, etag);
        try {
            Files.move(muxed, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return kept;
        } catch (IOException e) {
            LOG.debug("kept no local copy of the merged video of job {}: {}", jobId, e.getMessage());
            return null;
        }
    }

    /** What a run's mux works with: the stored source video (its large object), where it is exported, its length, and where the merge goes. */
    public record Merge(long content, Path source, Path muxed, double seconds) {
    }

    /**
     * The mux of a run, for its job's source_videos row: the source exported to the run's own folder and the merged
     * video written there, so that no trim of the job's copies ({@code WorkFolders.trimCopies}) takes them while the
     * run's FFmpeg calls wait their turn; fails when the job has no probed video.
     */
    public Merge toMerge(Path runFolder, Map<String, Object> sourceRow) {
        if (sourceRow == null || sourceRow.get("duration_seconds") == null || sourceRow.get("content") == null) {
            throw new IllegalStateException("the job has no probed source video to merge with");
        }
        return new Merge(((Number) sourceRow.get("content")).longValue(), runFolder.resolve(sourceName(sourceRow)),
                runFolder.resolve("merged-muxing.mp4"), ((Number) sourceRow.get("duration_seconds")).doubleValue());
    }
}
