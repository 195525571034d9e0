package io.scenescore.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** When an API key is configured, every /api call must carry it as a Bearer token or in X-API-Key. */
public final class ApiKeyGuard {

    private final byte[] key;

    public ApiKeyGuard(String key) {
        this.key = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    public void check(String authorization, String apiKeyHeader) {
        if (key == null) {
            return;
        }
        String offered = apiKeyHeader;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            offered = authorization.substring(7).strip();
        }
        if (offered == null || offered.isEmpty()) {
            throw new ApiProblem(401, "Unauthorized", "an API key is required: send Authorization: Bearer <key> or X-API-Key");
        }
        if (!MessageDigest.isEqual(key, offered.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(401, "Unauthorized", "the API key is wrong");
        }
    }
}
