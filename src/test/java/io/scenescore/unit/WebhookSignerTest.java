package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.scenescore.webhook.WebhookSigner;
import io.scenescore.webhook.WebhookSigner.SignedDelivery;

/** Deliveries are signed exactly as Standard Webhooks says, and only with a secret. */
class WebhookSignerTest {

    // The reference example of the Standard Webhooks project (standard-webhooks/standard-webhooks,
    // libraries/java/.../WebhookTest.verifyWebhookSignWorks; the same vector as its other libraries' tests).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String PAYLOAD = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSignatureOfTheStandardWebhooksReferenceExampleIsTheOneItPublishes() {
        assertThat(WebhookSigner.forSecret(SECRET).signature(MSG_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void theSecretWorksWithOrWithoutItsPrefixAsTheReferenceLibrariesAcceptIt() {
        assertThat(WebhookSigner.forSecret(SECRET.substring("whsec_".length())).signature(MSG_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void aDeliveryIsSignedOverItsIdTheTimeOfTheAttemptAndTheUtf8Body() throws Exception {
        Clock at = Clock.fixed(Instant.ofEpochSecond(1_780_000_000L), ZoneOffset.UTC);
        String body = "{\"type\":\"run.completed\",\"data\":{\"title\":\"Ouverture à l'aube\"}}";
        SignedDelivery signed = WebhookSigner.forSecret(SECRET, at).sign("3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c", body);

        assertThat(signed.id()).isEqualTo("msg_3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c");
        assertThat(signed.timestamp()).isEqualTo("1780000000");
        // computed independently with javax.crypto, as a receiver verifies it
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((signed.id() + ".1780000000." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(signed.signature()).isEqualTo(expected);
    }

    @Test
    void withoutASecretDeliveriesCarryNoSignature() {
        WebhookSigner unsigned = WebhookSigner.forSecret("");
        assertThat(unsigned.signs()).isFalse();
        assertThat(unsigned.sign("3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c", "{}").signature()).isNull();
        assertThat(WebhookSigner.forSecret(null).signs()).isFalse();
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutBeingRepeated() {
        String bad = "whsec_not*base64!secret";
        assertThatThrownBy(() -> WebhookSigner.forSecret(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whsec_ followed by base64")
                .hasMessageNotContaining("not*base64!secret");
        assertThat(WebhookSigner.forSecret(SECRET).toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }
}
