package io.scenescore.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.api.ApiSchema.CancelAccepted;
import io.scenescore.api.ApiSchema.JobCreated;
import io.scenescore.api.ApiSchema.RunQueued;

/**
 * Writes the API's JSON answers with Jackson, from the records that the OpenAPI document describes
 * ({@link ApiSchema}): the one place an answer's fields are spelled.
 */
public final class JsonAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a job's status document is. */
    public static String statusUrl(String jobId) {
        return "/api/v3/audio/status/" + jobId;
    }

    /** POST /jobs: the job is stored. */
    public String created(String jobId) {
        return write(new JobCreated(jobId, "created", statusUrl(jobId)));
    }

    /** POST /audio/generate-scenes: the run is queued. */
    public String queued(String jobId) {
        return write(new RunQueued(jobId, "queued", statusUrl(jobId), "/api/v3/audio/" + jobId + "/download"));
    }

    /** POST /audio/{job_id}/cancel: the job's status once the cancel is recorded. */
    public String cancelRequested(String jobId, String status) {
        return write(new CancelAccepted(jobId, status, true, statusUrl(jobId)));
    }

    static String write(Object answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + answer, e);
        }
    }
}
