package io.scenescore.filedrop;

import java.util.Map;

import io.scenescore.api.ApiProblem;
import io.scenescore.api.JobRequests.RunRequest;

/**
 * What the inbox asks of a job file beyond what the HTTP API asks of a request body (the body itself is read by
 * the same {@code JobRequests.readRun}): a well-formed name not used before, the same size limit as a JSON body,
 * and the storyboard inline. Refusals are {@link ApiProblem}s, so they read as the API's answers would.
 */
public final class DroppedJobs {

    private final long maxBytes;

    public DroppedJobs(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** NAME of NAME.json (the inbox filter has let only such names through; checked again all the same). */
    public String jobName(String fileName) {
        String name = DropNames.jobName(fileName);
        if (name == null) {
            throw ApiProblem.invalid("file", DropNames.whyRefused(fileName));
        }
        return name;
    }

    /** The same limit as a JSON body over HTTP, checked before the file is read. */
    public void checkSize(long bytes) {
        if (bytes > maxBytes) {
            throw new ApiProblem(413, "Content too large", "the job file is " + bytes + " bytes; the limit for a JSON body is "
                    + maxBytes + " bytes");
        }
    }

    /** A dropped file is a whole job: it cannot refer to a stored one by job_id. */
    public RunRequest requireInline(RunRequest request) {
        if (!request.inline()) {
            throw ApiProblem.invalid("job_id", "a dropped job file holds its storyboard inline; job_id is accepted over HTTP only");
        }
        return request;
    }

    /** Refuses a name already given to an earlier drop: its outbox files belong to that job. */
    public void requireUnusedName(Map<String, Object> earlierDrop) {
        if (earlierDrop != null) {
            throw new ApiProblem(409, "Name already used", "a job was already dropped as " + earlierDrop.get("name")
                    + ".json (job " + earlierDrop.get("job_id") + "); its results in the outbox keep that name, so drop this one under another name");
        }
    }
}
