package io.scenescore;

import javax.sql.DataSource;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.Registry;

import io.scenescore.api.ProblemDocuments;
import io.scenescore.filedrop.DropFileFilter;
import io.scenescore.filedrop.DroppedJobs;
import io.scenescore.filedrop.FileDropFolders;

/** The inbox and outbox (routes/filedrop.camel.yaml): folders, the filter, the checks and the shared claims. */
public class FileDropConfiguration implements CamelConfiguration {

    @PropertyInject("scenescore.data-dir")
    private String dataDir;
    @PropertyInject(value = "scenescore.inbox", defaultValue = "")
    private String inbox;
    @PropertyInject(value = "scenescore.outbox", defaultValue = "")
    private String outbox;
    @PropertyInject(value = "camel.server.max-body-size", defaultValue = "1048576")
    private long maxBodyBytes;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        FileDropFolders folders = FileDropFolders.resolve(inbox, outbox, Wiring.dataDir(dataDir));
        camelContext.getPropertiesComponent().addInitialProperty("scenescore.filedrop.inbox-dir", folders.inbox().toString());
        camelContext.getPropertiesComponent().addInitialProperty("scenescore.filedrop.outbox-dir", folders.outbox().toString());
        Registry registry = camelContext.getRegistry();
        // a refused name is answered beside the file as the API would answer it
        ProblemDocuments problems = new ProblemDocuments();
        registry.bind("dropFileFilter", new DropFileFilter(folders.error(), refusal -> problems.describe(refusal).json()));
        registry.bind("droppedJobs", new DroppedJobs(maxBodyBytes, folders.inbox()));
        // files taken from the inbox, in PostgreSQL so that instances sharing the folder take each file once;
        // its table comes from the V4 migration
        JdbcMessageIdRepository claims = new JdbcMessageIdRepository(Wiring.bound(camelContext, "dataSource", DataSource.class), "filedrop-inbox");
        claims.setCreateTableIfNotExists(false);
        camelContext.addService(claims, true, true);
        registry.bind("fileDropClaims", claims);
    }
}
