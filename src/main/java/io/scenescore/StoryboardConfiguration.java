package io.scenescore;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

import io.scenescore.storyboard.AutoStoryboards;

/** Storyboards made from a job's video (routes/storyboard.camel.yaml): its cuts, measured and worded. */
public class StoryboardConfiguration implements CamelConfiguration {

    @PropertyInject("scenescore.data-dir")
    private String dataDir;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        camelContext.getRegistry().bind("autoStoryboards", new AutoStoryboards(Wiring.dataDir(dataDir).resolve("work")));
    }
}
