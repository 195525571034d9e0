package io.scenescore.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import io.scenescore.job.InvalidFields;
import io.scenescore.job.JobFileTooLarge;
import io.scenescore.job.JobRequests.RunRequest;
import io.scenescore.job.NameAlreadyUsed;
import io.scenescore.video.ArrivedVideo;

/**
 * What the inbox asks of a job file beyond what the HTTP API asks of a request body (the body itself is read by
 * the same {@code JobRequests.readRun}): a well-formed name not used before, the same size limit as a JSON body,
 * and the storyboard inline. Refusals are the job's domain errors ({@link io.scenescore.job.JobRefused}),
 * so they read as the API's answers would.
 */
public final class DroppedJobs {

    /** The video a job file may have beside it: NAME.mp4, written before NAME.json. */
    public static final String VIDEO_SUFFIX = ".mp4";

    private final long maxBytes;
    private final Path inbox;

    public DroppedJobs(long maxBytes, Path inbox) {
        this.maxBytes = maxBytes;
        this.inbox = inbox;
    }

    /** NAME of NAME.json (the inbox filter has let only such names through; checked again all the same). */
    public String jobName(String fileName) {
        String name = DropNames.jobName(fileName);
        if (name == null) {
            throw new InvalidFields("file", DropNames.whyRefused(fileName));
        }
        return name;
    }

    /** The drop of job file {@code fileName}, bound for .error until its job is queued. */
    public Drop drop(String fileName) {
        return new Drop(jobName(fileName), Drop.ERROR);
    }

    /** The same limit as a JSON body over HTTP, checked before the file is read. */
    public void checkSize(long bytes) {
        if (bytes > maxBytes) {
            throw new JobFileTooLarge("the job file is " + bytes + " bytes; the limit for a JSON body is "
                    + maxBytes + " bytes");
        }
    }

    /**
     * The job file's text, read as UTF-8: a file in another encoding is refused in words (reading it through
     * Camel's converter failed without a word and left it in the inbox, taken again at every poll).
     */
    public String text(java.io.File file) throws IOException {
        byte[] content = Files.readAllBytes(file.toPath());
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidFields("file", "is not UTF-8 text: save the job file as UTF-8 (JSON's encoding)");
        }
    }

    /** A dropped file is a whole job: it cannot refer to a stored one by job_id. */
    public RunRequest requireInline(RunRequest request) {
        if (!request.inline()) {
            throw new InvalidFields("job_id", "a dropped job file holds its storyboard inline; job_id is accepted over HTTP only");
        }
        return request;
    }

    /** Refuses a name already given to an earlier drop: its outbox files belong to that job. */
    public void requireUnusedName(Map<String, Object> earlierDrop) {
        if (earlierDrop != null) {
            throw new NameAlreadyUsed("a job was already dropped as " + earlierDrop.get("name")
                    + ".json (job " + earlierDrop.get("job_id") + "); its results in the outbox keep that name, so drop this one under another name");
        }
    }

    /** The job a regenerate drop names (the earlier drop's row), or 404 in words when no job was dropped so. */
    public String droppedJob(Map<String, Object> earlierDrop, Drop drop) {
        if (earlierDrop == null) {
            throw new io.scenescore.job.UnknownDrop("no job was dropped as " + drop.target() + ".json; "
                    + drop.name() + ".json makes a scene of that job again");
        }
        return String.valueOf(earlierDrop.get("job_id"));
    }

    /**
     * The video beside the job file {@code NAME.json}: {@code NAME.mp4} in the inbox, as a video part named
     * {@code video} would arrive over HTTP, or null when there is none. Its name comes from the job file's checked
     * NAME, never from anything read; a link is refused rather than followed.
     */
    public ArrivedVideo video(String dropName) throws IOException {
        Path file = videoOf(dropName);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidFields("video", "\"" + file.getFileName() + "\" is not a plain file in the inbox (a link or a folder); "
                    + "a dropped job's video must be a plain file");
        }
        return new ArrivedVideo(file, file.getFileName().toString(), Files.size(file), "video", null);
    }

    /**
     * Moves {@code NAME.mp4}, if there is one, into {@code folder} (.done or .error) where its job file goes,
     * replacing one of the same name there. A link is moved as it is, not followed.
     */
    public void moveVideo(Drop drop) throws IOException {
        moveVideo(drop.name(), drop.folder());
    }

    private void moveVideo(String dropName, String folder) throws IOException {
        if (!".done".equals(folder) && !".error".equals(folder)) {
            throw new IllegalArgumentException("not a drop folder: " + folder);
        }
        Path file = videoOf(dropName);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path target = inbox.resolve(folder).resolve(file.getFileName());
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // gone meanwhile: nothing to move
        }
    }

    private Path videoOf(String dropName) {
        // a checked NAME (letters, digits, spaces and . _ - + ( ), no separator): the file is in the inbox itself
        if (DropNames.jobName(dropName + DropNames.JOB_SUFFIX) == null) {
            throw new InvalidFields("file", DropNames.whyRefused(dropName + DropNames.JOB_SUFFIX));
        }
        return inbox.resolve(dropName + VIDEO_SUFFIX);
    }
}
