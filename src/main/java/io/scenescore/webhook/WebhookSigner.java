package io.scenescore.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries per Standard Webhooks (https://www.standardwebhooks.com): {@code webhook-signature} is
 * {@code v1,} and the base64 HMAC-SHA256 of {@code "<webhook-id>.<webhook-timestamp>.<body>"}, keyed with the
 * base64-decoded part of the secret after {@code whsec_} (SCENESCORE_WEBHOOK_SECRET). Without a secret deliveries go
 * unsigned (no signature header). The key is never shown: not in messages, not in toString.
 */
public final class WebhookSigner {

    static final String PREFIX = "whsec_";

    private final byte[] key;
    private final Clock clock;

    private WebhookSigner(byte[] key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * The signer for a configured secret: {@code whsec_} and base64 (the prefix may be left out); blank: deliveries
     * go unsigned. A secret that is not base64 is refused, in words that do not repeat it.
     */
    public static WebhookSigner forSecret(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            return new WebhookSigner(null, clock);
        }
        String encoded = secret.trim().startsWith(PREFIX) ? secret.trim().substring(PREFIX.length()) : secret.trim();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secret must be whsec_ followed by base64 (a random key of "
                    + "24 to 64 bytes); the one configured is not base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("the webhook secret must be whsec_ followed by base64 of a random key; "
                    + "the one configured is empty after whsec_");
        }
        return new WebhookSigner(key, clock);
    }

    public static WebhookSigner forSecret(String secret) {
        return forSecret(secret, Clock.systemUTC());
    }

    /** Whether deliveries carry a signature (a secret is configured). */
    public boolean signs() {
        return key != null;
    }

    /** The headers of one attempt of the delivery {@code deliveryId} (a UUID) with this body, stamped now. */
    public SignedDelivery sign(String deliveryId, String body) {
        return sign(deliveryId, clock.instant().getEpochSecond(), body);
    }

    /** As {@link #sign(String, String)} at a given time (unix seconds). */
    public SignedDelivery sign(String deliveryId, long timestamp, String body) {
        String id = webhookId(deliveryId);
        return new SignedDelivery(id, String.valueOf(timestamp), signature(id, timestamp, body));
    }

    /** {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}; null without a secret. */
    public String signature(String webhookId, long timestamp, String body) {
        if (key == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The webhook-id of a delivery: the same for every attempt, so that receivers can drop repeats. */
    public static String webhookId(String deliveryId) {
        return deliveryId.startsWith("msg_") ? deliveryId : "msg_" + deliveryId;
    }

    @Override
    public String toString() {
        return key == null ? "WebhookSigner[unsigned]" : "WebhookSigner[signing]";
    }

    /** The Standard Webhooks headers of one attempt: webhook-id, webhook-timestamp, webhook-signature (null: unsigned). */
    public record SignedDelivery(String id, String timestamp, String signature) {
    }
}
