package io.scenescore;

import java.time.Duration;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import io.scenescore.video.PublicAddressGuard;
import io.scenescore.webhook.SingleAttemptClient;
import io.scenescore.webhook.WebhookPayloads;
import io.scenescore.webhook.WebhookRetries;
import io.scenescore.webhook.WebhookSigner;

/**
 * Webhooks (routes/hooks.camel.yaml, webhook-sender): the signer (SCENESCORE_WEBHOOK_SECRET; start-up stops on one
 * that is not whsec_ and base64, without printing it), the backoff, the bodies, and the sender's connections, whose
 * resolver is the public-address guard (every address connected to is checked, as for video_url) and whose connect
 * and read timeouts are the attempt's timeout.
 */
public class WebhookConfiguration implements CamelConfiguration {

    @PropertyInject(value = "scenescore.webhooks.secret", defaultValue = "")
    private String secret;
    @PropertyInject("scenescore.webhooks.timeout-ms")
    private long timeoutMs;
    @PropertyInject("scenescore.webhooks.first-retry-ms")
    private long firstRetryMs;
    @PropertyInject("scenescore.webhooks.max-retry-ms")
    private long maxRetryMs;
    @PropertyInject("scenescore.webhooks.give-up-after-ms")
    private long giveUpAfterMs;
    @PropertyInject("scenescore.webhooks.batch")
    private int batch;
    @PropertyInject("scenescore.webhooks.claim-seconds")
    private long claimSeconds;
    @PropertyInject("scenescore.allow-private-urls")
    private boolean allowPrivateUrls;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        try {
            registry.bind("webhookSigner", WebhookSigner.forSecret(secret));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("SCENESCORE_WEBHOOK_SECRET (scenescore.webhooks.secret): " + e.getMessage());
        }
        if (claimSeconds * 1000 < 3 * timeoutMs) {
            throw new StartupFailure("scenescore.webhooks.claim-seconds (" + claimSeconds + ") must be at least three "
                    + "times scenescore.webhooks.timeout-ms (" + timeoutMs + " ms): a delivery's claim must outlast its attempt");
        }
        Duration timeout = Duration.ofMillis(timeoutMs);
        try {
            registry.bind("webhookRetries", new WebhookRetries(Duration.ofMillis(firstRetryMs), Duration.ofMillis(maxRetryMs),
                    Duration.ofMillis(giveUpAfterMs), timeout));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("scenescore.webhooks.*: " + e.getMessage());
        }
        registry.bind("webhookPayloads", new WebhookPayloads());
        // one attempt is one request: the sender's backoff does the retrying
        registry.bind("webhookClient", new SingleAttemptClient());
        registry.bind("webhookConnections", PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PublicAddressGuard(allowPrivateUrls))
                .setMaxConnTotal(Math.max(batch, 2))
                .setMaxConnPerRoute(Math.max(batch, 2))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(timeoutMs))
                        .setSocketTimeout(Timeout.ofMilliseconds(timeoutMs))
                        .build())
                .build());
    }
}
