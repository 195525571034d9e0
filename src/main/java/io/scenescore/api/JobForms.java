package io.scenescore.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.scenescore.job.InvalidFields;
import io.scenescore.job.TooLarge;
import io.scenescore.video.ArrivedVideo;

/**
 * Reads a job sent as multipart/form-data: a {@code job} part holding the job's JSON (a form field, or a file
 * part when it is longer than a form field may be) and an optional {@code video} file part.
 */
public final class JobForms {

    public static final String JOB = "job";
    public static final String VIDEO = "video";
    private static final Set<String> PARTS = Set.of(JOB, VIDEO);

    /** A job's JSON, and its uploaded video or null. */
    public record JobForm(String json, ArrivedVideo video) {
    }

    private final long jsonLimit;

    public JobForms(long jsonLimit) {
        this.jsonLimit = jsonLimit;
    }

    /** The job in a form the upload gate read. */
    public JobForm read(UploadedForm form) throws IOException {
        return read(form.fields(), form.files());
    }

    /**
     * @param fields the form fields (parts without a file name)
     * @param files  the file parts, on disk
     */
    public JobForm read(Map<String, String> fields, List<FormPart> files) throws IOException {
        for (String name : fields.keySet()) {
            requireKnown(name);
        }
        for (FormPart part : files) {
            requireKnown(part.name());
        }
        String json = fields.get(JOB);
        FormPart jobFile = part(files, JOB);
        if (jobFile != null) {
            if (jobFile.sizeBytes() > jsonLimit) {
                throw new TooLarge(JOB, "the job's JSON is " + jobFile.sizeBytes() + " bytes; a JSON body may be at most " + TooLarge.size(jsonLimit));
            }
            json = Files.readString(jobFile.file(), StandardCharsets.UTF_8);
        }
        if (json == null || json.isBlank()) {
            throw new InvalidFields(JOB, "a job part holding the job's JSON is required");
        }
        if (fields.containsKey(VIDEO)) {
            throw new InvalidFields(VIDEO, "must be a file part (with a filename), not a form field");
        }
        FormPart video = part(files, VIDEO);
        return new JobForm(json, video == null ? null
                : new ArrivedVideo(video.file(), video.fileName(), video.sizeBytes(), VIDEO, null));
    }

    private static void requireKnown(String name) {
        if (!PARTS.contains(name)) {
            throw new InvalidFields(name, "is not a known part; a job is sent as a job part (its JSON) and an optional video file part");
        }
    }

    private static FormPart part(List<FormPart> files, String name) {
        FormPart found = null;
        for (FormPart part : files) {
            if (part.name().equals(name)) {
                if (found != null) {
                    throw new InvalidFields(name, "is sent more than once");
                }
                found = part;
            }
        }
        return found;
    }
}
