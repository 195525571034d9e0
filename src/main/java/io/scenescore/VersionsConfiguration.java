package io.scenescore;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.scenescore.job.Regenerations;
import io.scenescore.status.CueSheets;
import io.scenescore.store.WorkFolders;

/** Editing a score (routes/versions.camel.yaml): a scene made again, the versions kept, cue sheets, deleting a job. */
public class VersionsConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(VersionsConfiguration.class);

    @PropertyInject("scenescore.data-dir")
    private String dataDir;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        registry.bind("regenerations", new Regenerations());
        registry.bind("cueSheets", new CueSheets());
        WorkFolders workFolders = new WorkFolders(Wiring.dataDir(dataDir).resolve("work"));
        int left = workFolders.removeLeftWork();
        if (left > 0) {
            LOG.info("removed {} scratch folders an earlier start left in the work folders (their runs resume from what is stored)", left);
        }
        registry.bind("workFolders", workFolders);
    }
}
