package io.scenescore;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

import io.scenescore.store.Database;
import io.scenescore.store.DatabaseRetries;
import io.scenescore.store.MediaStore;

/**
 * The data folder and PostgreSQL (or the embedded server): opened here, before any route starts, so that an
 * unreachable database stops start-up with one clear line. Binds {@code dataSource}, which the run, the videos and
 * the file drop use.
 */
public class StoreConfiguration implements CamelConfiguration {

    @PropertyInject("scenescore.data-dir")
    private String dataDir;
    @PropertyInject(value = "scenescore.db.url", defaultValue = "")
    private String dbUrl;
    @PropertyInject(value = "scenescore.db.user", defaultValue = "")
    private String dbUser;
    @PropertyInject(value = "scenescore.db.password", defaultValue = "")
    private String dbPassword;
    @PropertyInject(value = "scenescore.db.retry-for-ms", defaultValue = "300000")
    private long retryForMs;
    @PropertyInject(value = "scenescore.db.connection-timeout-ms", defaultValue = "5000")
    private long connectionTimeoutMs;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Path data = Wiring.dataDir(dataDir);
        Files.createDirectories(data.resolve("work"));
        Database database = Database.open(dbUrl, dbUser, dbPassword, data.resolve("pg"), connectionTimeoutMs);
        camelContext.addService(database, true, true);
        camelContext.getRegistry().bind("dataSource", database.dataSource());
        camelContext.getRegistry().bind("database", database);
        // videos and soundtracks, streamed between files and large objects
        camelContext.getRegistry().bind("mediaStore", new MediaStore(database.dataSource()));
        // the policy for a database that goes away mid-work (routes/errors.camel.yaml, onException retry-database)
        DatabaseRetries retries = new DatabaseRetries(retryForMs);
        camelContext.getRegistry().bind("databaseRetries", retries);
        // the same test as a predicate on the exchange itself, for doCatch (onWhen: {ref: databaseOutage}): a bean
        // method call sees a copy of the exchange without its exception
        camelContext.getRegistry().bind("databaseOutage", retries.outagePredicate());
    }
}
