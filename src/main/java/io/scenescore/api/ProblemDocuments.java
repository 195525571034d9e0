package io.scenescore.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns whatever went wrong while answering into an RFC 9457 problem document, never a stack trace. */
public final class ProblemDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDocuments.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer to send: status and problem+json body. */
    public record Problem(int status, String json, String contentRange) {
    }

    /** The problem+json text of {@code failure}, as {@link #describe} makes it. */
    public String json(Throwable failure) {
        return describe(failure).json();
    }

    public Problem describe(Throwable failure) {
        // bean and expression calls wrap what our code threw
        ApiProblem p = find(failure, ApiProblem.class);
        if (p != null) {
            Problem answer = problem(p.status(), p.title(), p.getMessage(), p);
            return p instanceof ConditionalDownload.RangeNotSatisfiable r
                    ? new Problem(answer.status(), answer.json(), r.contentRange()) : answer;
        }
        JsonProcessingException malformed = find(failure, JsonProcessingException.class);
        if (malformed != null) {
            String where = malformed.getLocation() == null ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr();
            return problem(400, "Malformed JSON", "the body is not valid JSON" + where + ": " + plain(malformed.getOriginalMessage()), null);
        }
        LOG.error("unexpected failure while answering a request", failure);
        return problem(500, "Internal error", "the server failed to answer; the failure is logged", null);
    }

    private static Problem problem(int status, String title, String detail, ApiProblem source) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "about:blank");
        doc.put("title", title);
        doc.put("status", status);
        doc.put("detail", detail);
        if (source != null && !source.errors().isEmpty()) {
            doc.put("errors", source.errors());
        }
        try {
            return new Problem(status, JSON.writeValueAsString(doc), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson's message without the Java names it mentions (classes, features), which mean nothing to a client. */
    static String plain(String message) {
        String first = message == null ? "" : message.split("\\R", 2)[0];
        int javaTalk = first.indexOf(" (");
        String cut = javaTalk > 0 && (first.contains("`") || first.contains("Feature")) ? first.substring(0, javaTalk) : first;
        return cut.replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").strip();
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
