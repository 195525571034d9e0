package io.scenescore.routes;

import java.util.List;

import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.postgresql.ds.PGSimpleDataSource;

import io.scenescore.api.ApiKeyGuard;
import io.scenescore.api.ConditionalDownload;
import io.scenescore.api.IdempotentAnswers;
import io.scenescore.api.JobForms;
import io.scenescore.api.JsonAnswers;
import io.scenescore.api.JsonBodyGuard;
import io.scenescore.api.ProblemDocuments;
import io.scenescore.job.JobRequests;
import io.scenescore.status.StatusDocuments;
import io.scenescore.video.VideoChecks;

/**
 * The API's route files started in Camel alone (no HTTP server, no PostgreSQL), with the real beans they call:
 * each test removes the REST table's own routes ({@link #withoutRestTable}), which need the server, advises the
 * verbs' direct: routes it calls, then starts the context.
 */
abstract class ApiRoutesTestSupport extends CamelMainTestSupport {

    /** The API key the service is configured with; null: none. */
    abstract String apiKey();

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:io/scenescore/routes/idempotent-replay.properties";
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        // camel-sql wants a DataSource to build its endpoints; this one points nowhere, so a statement that
        // escaped the mocks would fail loudly
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
        registry.bind("dataSource", nowhere);
        registry.bind("apiKeyGuard", new ApiKeyGuard(apiKey()));
        registry.bind("idempotentAnswers", new IdempotentAnswers());
        registry.bind("jobRequests", new JobRequests());
        registry.bind("jsonAnswers", new JsonAnswers());
        registry.bind("jsonBodyGuard", new JsonBodyGuard());
        registry.bind("problemDocuments", new ProblemDocuments());
        registry.bind("jobForms", new JobForms(1024 * 1024));
        registry.bind("videoChecks", new VideoChecks());
        registry.bind("statusDocuments", new StatusDocuments());
        // never listening here, so never serving: every status is read through the routes
        registry.bind("statusCache", new io.scenescore.status.StatusCache(0));
        registry.bind("conditionalDownload", new ConditionalDownload());
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    /** The REST table's own routes need the HTTP server: tests call the verbs' direct: routes instead. */
    void withoutRestTable() throws Exception {
        ModelCamelContext model = context.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class)
                instanceof ModelCamelContext m ? m : context;
        List<RouteDefinition> table = model.getRouteDefinitions().stream()
                .filter(r -> r.getInput().getEndpointUri().startsWith("rest:")).toList();
        model.removeRouteDefinitions(table);
    }
}
