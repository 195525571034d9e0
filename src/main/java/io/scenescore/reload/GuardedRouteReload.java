package io.scenescore.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.spi.ResourceReloadStrategy;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps what camel-main's route watcher does when a route file changes, so that a broken edit does not go unseen
 * or take routes away. A file that does not parse leaves its routes as they were (Camel parses before it
 * replaces); a file that parses but whose routes cannot be built (an unknown bean, a bad endpoint) has had its
 * routes removed by then, so its last good version is loaded again. Either way the health check names the file
 * and line until a reload succeeds. While a file is broken, Camel retries it with every later reload, so other
 * edits wait until it is fixed. An editor saving in place may be read half-written: that reload fails, and the
 * next change event, with the whole file, loads it.
 */
public final class GuardedRouteReload implements ResourceReload {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedRouteReload.class);

    private final ResourceReload reload;
    private final CamelContext camelContext;
    private final RouteReloadHealthCheck health;
    /** Per route file (absolute path): its last content that loaded, and the routes it made. */
    private final Map<Path, String> lastGood = new HashMap<>();
    private final Map<Path, Set<String>> routeIds = new HashMap<>();

    private GuardedRouteReload(ResourceReload reload, CamelContext camelContext, RouteReloadHealthCheck health) {
        this.reload = reload;
        this.camelContext = camelContext;
        this.health = health;
    }

    /** Puts the guard around the started strategy's reload, remembering the route files as loaded at start-up. */
    public static void install(ResourceReloadStrategy strategy, CamelContext camelContext, RouteReloadHealthCheck health) {
        GuardedRouteReload guard = new GuardedRouteReload(strategy.getResourceReload(), camelContext, health);
        for (Route route : camelContext.getRoutes()) {
            Path file = fileOf(route);
            if (file != null) {
                guard.remember(file);
            }
        }
        strategy.setResourceReload(guard);
    }

    @Override
    public void onReload(String name, Resource resource) throws Exception {
        Path file = Path.of(name).toAbsolutePath().normalize();
        if (Files.isRegularFile(file) && Files.size(file) == 0) {
            // an editor writing in place empties the file first; its content comes with the next change
            LOG.debug("route file {} is empty, waiting for its content", file);
            return;
        }
        try {
            reload.onReload(name, resource);
        } catch (Exception e) {
            RouteFileProblem problem = RouteFileProblem.of(name, e);
            health.failed(problem);
            LOG.error("route file {} not loaded{}: {}", problem.file(), problem.line() == null ? "" : " (line " + problem.line() + ")",
                    problem.reason());
            // the failed load may have taken routes of this file, or of a file that failed before and was retried
            lastGood.keySet().forEach(this::restoreIfRoutesGone);
            // with a message always: Camel's watcher thread dies on a failure whose message is null
            throw new RouteFileNotLoaded(problem.summary(), e);
        }
        Set<Path> loaded = new LinkedHashSet<>();
        loaded.add(file);
        health.failedFiles().forEach(f -> loaded.add(Path.of(f).toAbsolutePath().normalize()));
        health.allLoaded();
        loaded.forEach(this::remember);
    }

    /** Why a route file was not loaded, in the health check's words. */
    static final class RouteFileNotLoaded extends Exception {
        RouteFileNotLoaded(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private void remember(Path file) {
        try {
            lastGood.put(file, Files.readString(file));
            routeIds.put(file, idsFrom(file));
        } catch (IOException e) {
            // a file deleted meanwhile: its routes stay as they are; nothing to put back later
            lastGood.remove(file);
        }
    }

    private void restoreIfRoutesGone(Path file) {
        String content = lastGood.get(file);
        Set<String> expected = routeIds.getOrDefault(file, Set.of());
        if (content == null || expected.isEmpty() || idsFrom(file).containsAll(expected)) {
            return;
        }
        try {
            Set<String> restored = PluginHelper.getRoutesLoader(camelContext)
                    .updateRoutes(List.of(ResourceHelper.fromString("file:" + file, content)));
            LOG.warn("the last good version of {} is running again: routes {}", file, restored);
        } catch (Exception e) {
            LOG.error("cannot put back the last good version of {}: {}", file, e.getMessage());
        }
    }

    private Set<String> idsFrom(Path file) {
        Set<String> ids = new LinkedHashSet<>();
        for (Route route : camelContext.getRoutes()) {
            if (file.equals(fileOf(route))) {
                ids.add(route.getRouteId());
            }
        }
        return ids;
    }

    private static Path fileOf(Route route) {
        Resource source = route.getSourceResource();
        if (source == null || source.getLocation() == null || !source.getLocation().startsWith("file:")) {
            return null;
        }
        return Path.of(source.getLocation().substring("file:".length())).toAbsolutePath().normalize();
    }
}
