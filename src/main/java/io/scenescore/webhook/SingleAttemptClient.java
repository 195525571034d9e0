package io.scenescore.webhook;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The webhook sender's HTTP client makes one request per attempt: it retries nothing (Apache HttpClient would send a
 * 503 or 429 again at once on its own), follows no redirect and keeps no cookie. The sender's backoff retries.
 */
public final class SingleAttemptClient implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries().disableRedirectHandling().disableCookieManagement();
    }
}
