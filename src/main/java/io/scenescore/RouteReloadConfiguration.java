package io.scenescore;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ResourceReloadStrategy;
import org.apache.camel.support.RouteWatcherReloadStrategy;

import io.scenescore.reload.GuardedRouteReload;
import io.scenescore.reload.RouteReloadHealthCheck;

/**
 * With route reload on (camel.main.routes-reload-enabled), a route file that fails to load is reported on
 * /observe/health until it is fixed, and routes it took away are put back as they were.
 */
public class RouteReloadConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        camelContext.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // nothing yet: the reload strategy and the routes start with the context
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                ResourceReloadStrategy reloads = context.hasService(RouteWatcherReloadStrategy.class);
                if (reloads != null) {
                    RouteReloadHealthCheck health = new RouteReloadHealthCheck();
                    health.setCamelContext(context);
                    GuardedRouteReload.install(reloads, context, health);
                    HealthCheckRegistry.get(context).register(health);
                }
            }
        });
    }
}
