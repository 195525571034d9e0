package io.scenescore;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.Registry;

import io.scenescore.api.AnswerHeaderFilter;
import io.scenescore.api.ApiKeyGuard;
import io.scenescore.api.ConditionalDownload;
import io.scenescore.api.IdempotentAnswers;
import io.scenescore.api.JobForms;
import io.scenescore.api.JsonAnswers;
import io.scenescore.api.JsonBodyGuard;
import io.scenescore.api.ProblemDocuments;
import io.scenescore.api.UploadGate;
import io.scenescore.api.VideoDownloads;

/**
 * The HTTP API (routes/api.camel.yaml, routes/downloads.camel.yaml): its port, checked first so that a taken port
 * stops start-up with one clear line, the key check, the answers and problem documents, and the streaming upload
 * gate on the HTTP server's router.
 */
public class ApiConfiguration implements CamelConfiguration {

    @PropertyInject("camel.server.port")
    private int port;
    @PropertyInject("scenescore.data-dir")
    private String dataDir;
    @PropertyInject(value = "scenescore.api-key", defaultValue = "")
    private String apiKey;
    @PropertyInject(value = "camel.server.max-body-size", defaultValue = "1048576")
    private long maxBodyBytes;
    @PropertyInject("scenescore.video.max-bytes")
    private long videoLimit;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        requireFreePort(port);
        Registry registry = camelContext.getRegistry();
        registry.bind("apiKeyGuard", new ApiKeyGuard(apiKey));
        registry.bind("answerHeaderFilter", new AnswerHeaderFilter());
        registry.bind("problemDocuments", new ProblemDocuments());
        registry.bind("jsonAnswers", new JsonAnswers());
        registry.bind("conditionalDownload", new ConditionalDownload());
        registry.bind("idempotentAnswers", new IdempotentAnswers());
        registry.bind("jobForms", new JobForms(maxBodyBytes));
        registry.bind("jsonBodyGuard", new JsonBodyGuard());
        registry.bind("videoDownloads", new VideoDownloads());
        UploadGate gate = new UploadGate(videoLimit, maxBodyBytes, Wiring.dataDir(dataDir).resolve("uploads"), new ApiKeyGuard(apiKey));
        // the gate goes on the HTTP server's router, which exists once the server is started
        camelContext.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(port));
                if (router == null) {
                    throw new StartupFailure("the HTTP server's router is not there to take video uploads");
                }
                gate.install(router, context);
            }
        });
    }

    private static void requireFreePort(int port) {
        // platform-http only logs a WARN when the port is taken and runs on without a server
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StartupFailure("port " + port + " is already in use (set SCENESCORE_PORT)", e);
        }
    }
}
