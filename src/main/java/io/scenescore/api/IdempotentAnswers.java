package io.scenescore.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import io.scenescore.job.InvalidFields;
import org.apache.camel.Body;
import org.apache.camel.Header;

/** Idempotency-Key: the same key and body get the first answer again; the same key with another body is a 422. */
public final class IdempotentAnswers {

    public static final int MAX_KEY_LENGTH = 255;

    /** A request that carries an Idempotency-Key: the key and the SHA-256 of its body. */
    public record KeyedRequest(String key, String sha256) {
    }

    /** The request's key and body digest; null when it carries no key. */
    public KeyedRequest request(@Header("Idempotency-Key") String header, @Body String body) throws NoSuchAlgorithmException {
        String key = key(header);
        return key == null ? null : new KeyedRequest(key, sha256(body));
    }

    public String sha256(String body) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** The key, checked; null when the request carries none. */
    public String key(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.length() > MAX_KEY_LENGTH) {
            throw new InvalidFields("Idempotency-Key", "is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return header.strip();
    }

    /** The stored answer to replay for this request, or a 422 when the key was used with another body. */
    public String replay(Map<String, Object> stored, KeyedRequest request) {
        if (!request.sha256().equals(stored.get("request_sha256"))) {
            throw new ApiProblem(422, "Idempotency-Key reused", "this Idempotency-Key was used with another request body");
        }
        return String.valueOf(stored.get("body"));
    }
}
