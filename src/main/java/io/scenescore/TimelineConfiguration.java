package io.scenescore;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

import io.scenescore.timeline.TimelinePictures;

/** The timeline picture of a soundtrack (routes/timeline.camel.yaml), drawn with Java2D and kept in the work folder. */
public class TimelineConfiguration implements CamelConfiguration {

    @PropertyInject("scenescore.data-dir")
    private String dataDir;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        // Java2D draws into images only: no display is needed or looked for (a server has none)
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Registry registry = camelContext.getRegistry();
        registry.bind("timelinePictures", new TimelinePictures(Wiring.dataDir(dataDir).resolve("work")));
    }
}
