package io.scenescore.replicate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads Replicate's answers: predictions, errors, throttling, and the list to find a prediction again. */
public final class ReplicateAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReplicateHealth health;

    /** @param health where refusals and accepted calls are told, for /observe/health; null: nowhere */
    public ReplicateAnswers(ReplicateHealth health) {
        this.health = health;
    }

    public ReplicateAnswers() {
        this(null);
    }

    public Prediction prediction(String body) throws JsonProcessingException {
        return prediction(JSON.readTree(body));
    }

    static Prediction prediction(JsonNode p) {
        JsonNode output = p.path("output");
        String url = output.isTextual() ? output.textValue()
                : output.isArray() && !output.isEmpty() ? output.get(output.size() - 1).asText() : null;
        return new Prediction(p.path("id").asText(null), p.path("status").asText("unknown"), url,
                p.path("error").isNull() ? null : p.path("error").asText(null),
                p.path("urls").path("get").asText(null), p.path("urls").path("cancel").asText(null));
    }

    /**
     * What a call answered, 2xx only: the API's JSON as bytes; a download written to the call's file, and that file
     * (from Camel's stream cache, on disk above its spool threshold: no output is whole in the heap). A 429 or a 5xx
     * is {@link ReplicateBusy} (tried again, after Retry-After when given); a missing output file is
     * {@link OutputGone} (tried again a few times); a 401 or 403 from the API is {@link ReplicateRefused} (the run
     * fails at once); any other answer ends the call with Replicate's words.
     */
    public Object answer(ReplicateCall call, Integer status, String retryAfter, InputStream body) throws IOException {
        // the stream cache (a spool file above the threshold) is closed as soon as it is read; what is answered takes
        // its place as the body, so nothing reads or resets it afterwards
        try (InputStream content = body == null ? InputStream.nullInputStream() : body) {
            return read(call, status == null ? 0 : status, retryAfter, content);
        }
    }

    private Object read(ReplicateCall call, int code, String retryAfter, InputStream body) throws IOException {
        if (code >= 200 && code < 300) {
            if (call.saveTo() != null) {
                long written;
                try {
                    written = Files.copy(body, call.saveTo(), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException local) {
                    // this instance's disk, not Replicate: no retry of the download, and the breaker does not count it
                    throw new io.scenescore.run.MusicSourceFailure("could not keep " + call.what().replace("downloading ", "")
                            + ": " + local.getMessage());
                }
                if (written == 0) {
                    throw new IOException("the output download was empty");
                }
                return call.saveTo();
            }
            if (health != null) {
                health.accepted();
            }
            return body.readAllBytes();
        }
        String text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (code == 429) {
            long wait = retryAfterMillis(text, retryAfter, -1);
            throw new ReplicateBusy("Replicate throttled " + call.what() + (wait >= 0 ? "; waiting " + wait + " ms" : ""),
                    wait >= 0 ? wait : null, false);
        }
        if (code >= 500) {
            long wait = retryAfterMillis("", retryAfter, -1);
            throw new ReplicateBusy(problem(code, text) + " while " + call.what(), wait >= 0 ? wait : null, call.toApi());
        }
        if (!call.toApi()) {
            throw new OutputGone(call.what() + " failed: the file is not there (HTTP " + code + ")");
        }
        if (code == 401 || code == 403) {
            String why = "Replicate refused the API token (HTTP " + code + (code == 401 ? ": not accepted" : ": not allowed")
                    + "); check REPLICATE_API_TOKEN";
            if (health != null) {
                health.refused(why);
            }
            throw new ReplicateRefused(why);
        }
        throw new io.scenescore.run.MusicSourceFailure(problem(code, text) + " while " + call.what());
    }

    /** How long to wait after a 429: the body's retry_after, else the Retry-After header, else {@code fallbackMs}. */
    public long retryAfterMillis(String body, String header, long fallbackMs) {
        try {
            JsonNode retry = JSON.readTree(body == null ? "" : body).path("retry_after");
            if (retry.isNumber() && retry.doubleValue() >= 0) {
                return Math.round(retry.doubleValue() * 1000);
            }
        } catch (JsonProcessingException e) {
            // not JSON: fall through to the header
        }
        if (header != null && !header.isBlank()) {
            try {
                return Math.round(Double.parseDouble(header.strip()) * 1000);
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Math.max(0, Duration.between(ZonedDateTime.now(), at).toMillis());
                } catch (DateTimeParseException ignored) {
                    // an unreadable header: use the fallback
                }
            }
        }
        return fallbackMs;
    }

    /** Replicate's own words for a failed call, or the status code. */
    public String problem(int status, String body) {
        try {
            JsonNode error = JSON.readTree(body == null ? "" : body);
            String detail = error.path("detail").asText(error.path("title").asText(""));
            if (!detail.isBlank()) {
                return "Replicate answered " + status + ": " + detail;
            }
        } catch (JsonProcessingException e) {
            // not JSON
        }
        return "Replicate answered " + status;
    }

    /**
     * After a create whose answer was lost: the prediction in Replicate's list that has exactly the
     * input we sent and that no scene has claimed yet, or null. Replicate has no idempotency key, so identical
     * input is the best evidence.
     */
    public Prediction findCreated(String listBody, String createBody, List<Map<String, Object>> known) throws JsonProcessingException {
        JsonNode wanted = JSON.readTree(createBody);
        Set<Object> taken = known.stream().map(row -> row.get("prediction_id")).collect(Collectors.toSet());
        for (JsonNode p : JSON.readTree(listBody).path("results")) {
            // a canceled one, or one whose output Replicate already deleted, is of no use
            if (!taken.contains(p.path("id").asText()) && !"canceled".equals(p.path("status").asText())
                    && !p.path("data_removed").asBoolean(false)
                    && p.path("version").equals(wanted.path("version")) && p.path("input").equals(wanted.path("input"))) {
                return prediction(p);
            }
        }
        return null;
    }
}
