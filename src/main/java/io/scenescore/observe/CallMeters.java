package io.scenescore.observe;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.scenescore.replicate.ReplicateCall;
import io.scenescore.run.Run;

/**
 * Times the calls a run makes outside the JVM, from Camel's own "sent" events (so a call that failed or timed out is
 * timed as well): every HTTP request to Replicate (step call-replicate of routes/replicate.camel.yaml) by kind,
 * outcome and status code, and every FFmpeg run (each {@code to: direct:ffmpeg}, check of its exit included) by the
 * run's stage and outcome. No route step is needed for either.
 */
public final class CallMeters extends EventNotifierSupport {

    private static final String FFMPEG = "direct://ffmpeg";
    private final MeterRegistry registry;

    public CallMeters(MeterRegistry registry) {
        this.registry = registry;
        // only the "sending" (Camel times a send only when a notifier takes its "sending" event) and "sent" events
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSendingEvent sending) {
            return timed(sending.getEndpoint().getEndpointUri());
        }
        return event instanceof CamelEvent.ExchangeSentEvent sent && timed(sent.getEndpoint().getEndpointUri());
    }

    private static boolean timed(String uri) {
        return isFfmpeg(uri) || uri.startsWith("http://") || uri.startsWith("https://");
    }

    private static boolean isFfmpeg(String uri) {
        return FFMPEG.equals(uri) || "direct:ffmpeg".equals(uri);
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeSentEvent sent)) {
            return;
        }
        String uri = sent.getEndpoint().getEndpointUri();
        Exchange exchange = sent.getExchange();
        Duration took = Duration.ofMillis(sent.getTimeTaken());
        if (isFfmpeg(uri)) {
            Run run = exchange.getProperty("run", Run.class);
            Timer.builder("scenescore.ffmpeg").description("FFmpeg runs (direct:ffmpeg), by the run's stage and outcome")
                    .tag("stage", run == null ? RunMeters.UNKNOWN : run.stage())
                    .tag("outcome", exchange.getException() == null ? "ok" : "failed")
                    .register(registry).record(took);
        } else if (exchange.getVariable("call") instanceof ReplicateCall call) {
            Integer status = exchange.getException() == null
                    ? exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class) : null;
            Timer.builder("scenescore.replicate.requests")
                    .description("HTTP requests to Replicate (API and output files), by kind, outcome and status code")
                    .tag("kind", kind(call))
                    .tag("outcome", outcome(status))
                    .tag("status", status == null ? "none" : Integer.toString(status))
                    .register(registry).record(took);
        }
    }

    /** create, poll, list, cancel or download: from the call's method and path, never its ids. */
    static String kind(ReplicateCall call) {
        if (!call.toApi()) {
            return "download";
        }
        String path = call.uri();
        if ("POST".equals(call.method())) {
            return path.endsWith("/cancel") ? "cancel" : "create";
        }
        return path.endsWith("/predictions") ? "list" : "poll";
    }

    /** ok (2xx), throttled (429), refused (401, 403), not_found (404), client_error, server_error (5xx), network_error (no answer). */
    static String outcome(Integer status) {
        if (status == null) {
            return "network_error";
        } else if (status >= 200 && status < 300) {
            return "ok";
        } else if (status == 429) {
            return "throttled";
        } else if (status == 401 || status == 403) {
            return "refused";
        } else if (status == 404) {
            return "not_found";
        } else if (status >= 500) {
            return "server_error";
        }
        return "client_error";
    }
}
