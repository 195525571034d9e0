package io.scenescore.observe;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Times every HTTP request the service answers (the API, the upload gate, /observe), by method, route and status.
 * It sits first on the HTTP server's router. The route is the path template that answered
 * ({@code /api/v3/audio/status/:job_id}), never the request's own path, so no job id becomes a label; a request
 * that matched nothing is "unmatched".
 */
public final class HttpMeters {

    static final String UNMATCHED = "unmatched";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private final MeterRegistry registry;

    public HttpMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Puts the timing in front of every other route of {@code router}. */
    public void install(Router router) {
        Route first = router.route().order(-100_000);
        first.handler(ctx -> {
            long start = System.nanoTime();
            ctx.addEndHandler(done -> record(ctx, first, System.nanoTime() - start));
            ctx.next();
        });
    }

    private void record(RoutingContext ctx, Route first, long nanos) {
        Route answered = ctx.currentRoute();
        String route = answered == null || answered == first || answered.getPath() == null ? UNMATCHED : answered.getPath();
        Timer.builder("scenescore.http.requests").description("HTTP requests answered, by method, route (path template) and status")
                .tag("method", method(ctx.request().method().name()))
                .tag("route", route)
                .tag("status", Integer.toString(ctx.response().getStatusCode()))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The request's method, or "other": a client may send any word as a method, and labels stay bounded. */
    static String method(String name) {
        return METHODS.contains(name) ? name : "other";
    }
}
