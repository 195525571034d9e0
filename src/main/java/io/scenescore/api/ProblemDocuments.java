package io.scenescore.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.FieldError;
import io.scenescore.job.InvalidFields;
import io.scenescore.job.JobFileTooLarge;
import io.scenescore.job.JobRefused;
import io.scenescore.job.NameAlreadyUsed;
import io.scenescore.job.NotAVideo;
import io.scenescore.job.VideoNotUsable;
import io.scenescore.job.NotReady;
import io.scenescore.job.NothingToCancel;
import io.scenescore.job.RunAlreadyActive;
import io.scenescore.job.TooLarge;
import io.scenescore.job.UnknownJob;
import io.scenescore.job.VideoNotFetched;
import io.scenescore.store.DatabaseOutage;
import io.scenescore.store.DatabaseRetries;

/** Turns whatever went wrong while answering into an RFC 9457 problem document, never a stack trace. */
public final class ProblemDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDocuments.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The answer to send: status and problem+json body, with the Content-Range of a 416 and the Retry-After
     * (seconds) of a 503 when there is one.
     */
    public record Problem(int status, String json, String contentRange, Integer retryAfter) {
    }

    /** Seconds a client is asked to wait (Retry-After) before trying again while the database is away. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /** The status and title a refusal of the job gets over HTTP (and in the file drop's .error documents). */
    record Kind(int status, String title) {
    }

    static Kind kindOf(JobRefused refusal) {
        if (refusal instanceof InvalidFields) {
            return new Kind(400, "Invalid request");
        }
        if (refusal instanceof UnknownJob) {
            return new Kind(404, "Unknown job");
        }
        if (refusal instanceof RunAlreadyActive) {
            return new Kind(409, "Run already active");
        }
        if (refusal instanceof NothingToCancel) {
            return new Kind(409, "Nothing to cancel");
        }
        if (refusal instanceof NotReady) {
            return new Kind(409, "Not ready");
        }
        if (refusal instanceof NameAlreadyUsed) {
            return new Kind(409, "Name already used");
        }
        if (refusal instanceof TooLarge) {
            return new Kind(413, "Payload too large");
        }
        if (refusal instanceof JobFileTooLarge) {
            return new Kind(413, "Content too large");
        }
        if (refusal instanceof NotAVideo) {
            return new Kind(422, "Not a video");
        }
        if (refusal instanceof VideoNotFetched) {
            return new Kind(422, "Video not fetched");
        }
        if (refusal instanceof VideoNotUsable) {
            return new Kind(422, "Video not usable");
        }
        throw new IllegalArgumentException("no status for " + refusal.getClass().getName());
    }

    /** The problem+json text of {@code failure}, as {@link #describe} makes it. */
    public String json(Throwable failure) {
        return describe(failure).json();
    }

    public Problem describe(Throwable failure) {
        // bean and expression calls wrap what our code threw
        JobRefused refused = find(failure, JobRefused.class);
        if (refused != null) {
            Kind kind = kindOf(refused);
            return problem(kind.status(), kind.title(), refused.getMessage(), refused.errors());
        }
        ApiProblem p = find(failure, ApiProblem.class);
        if (p != null) {
            Problem answer = problem(p.status(), p.title(), p.getMessage(), p.errors());
            return p instanceof ConditionalDownload.RangeNotSatisfiable r
                    ? new Problem(answer.status(), answer.json(), r.contentRange(), null) : answer;
        }
        JsonProcessingException malformed = find(failure, JsonProcessingException.class);
        if (malformed != null) {
            String where = malformed.getLocation() == null ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr();
            String reason = plain(malformed.getOriginalMessage());
            return problem(400, "Malformed JSON", "the body is not valid JSON" + where + (reason.isEmpty() ? "" : ": " + reason), List.of());
        }
        if (DatabaseOutage.isOutage(failure)) {
            // the database is restarting or failing over: the client is asked to try again rather than wait for it
            LOG.warn("answered 503, the database is not answering: {}", DatabaseRetries.reason(failure));
            Problem answer = problem(503, "Service unavailable",
                    "the database is not answering (it may be restarting); try again in a few seconds", List.of());
            return new Problem(answer.status(), answer.json(), null, DATABASE_RETRY_AFTER_SECONDS);
        }
        LOG.error("unexpected failure while answering a request", failure);
        return problem(500, "Internal error", "internal error: the server failed to answer this request; the details are in its log", List.of());
    }

    private static Problem problem(int status, String title, String detail, List<FieldError> errors) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "about:blank");
        doc.put("title", title);
        doc.put("status", status);
        doc.put("detail", detail);
        if (!errors.isEmpty()) {
            doc.put("errors", errors);
        }
        try {
            return new Problem(status, JSON.writeValueAsString(doc), null, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What in Jackson's messages is Java talk (classes, features, settings), which means nothing to a client. */
    private static final java.util.regex.Pattern JAVA_TALK = java.util.regex.Pattern.compile("`|Feature|com\\.fasterxml|java\\.|Constraints");

    /**
     * Jackson's message in words: its first line, the limits of StreamReadConstraints as plain numbers, and cut
     * before the first clause that names Java (a class, a feature to enable).
     */
    static String plain(String message) {
        String first = message == null ? "" : message.split("\\R", 2)[0];
        // "... exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"
        first = first.replaceAll(" \\((\\d+), from `[^`]*`\\)", " $1");
        java.util.regex.Matcher java = JAVA_TALK.matcher(first);
        if (java.find()) {
            String before = first.substring(0, java.start());
            int clause = Math.max(before.lastIndexOf(": "), before.lastIndexOf(" ("));
            first = clause > 0 ? before.substring(0, clause) : "";
        }
        return first.replaceAll("\\s+", " ").replaceAll("[\\s:;,]+$", "").strip();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
