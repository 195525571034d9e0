package io.scenescore.reload;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * DOWN while an edited route file cannot be loaded, naming the file and line: Camel itself only logs the failure
 * once, and keeps running. UP again once every route file loads.
 */
public final class RouteReloadHealthCheck extends AbstractHealthCheck {

    private final Map<String, RouteFileProblem> problems = new ConcurrentSkipListMap<>();

    public RouteReloadHealthCheck() {
        super("scenescore", "route-files");
    }

    void failed(RouteFileProblem problem) {
        problems.put(problem.file(), problem);
    }

    /** Every route file loaded (a reload after a failed one loads the failed files again too). */
    void allLoaded() {
        problems.clear();
    }

    Set<String> failedFiles() {
        return problems.keySet();
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (problems.isEmpty()) {
            builder.up();
            return;
        }
        RouteFileProblem first = problems.values().iterator().next();
        builder.message(problems.size() == 1 ? first.summary() : first.summary() + " (and " + (problems.size() - 1) + " more)");
        builder.detail("file", first.file());
        if (first.line() != null) {
            builder.detail("line", first.line());
        }
        builder.detail("reason", first.reason());
        builder.down();
    }
}
