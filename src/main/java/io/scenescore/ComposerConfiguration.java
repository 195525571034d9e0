package io.scenescore;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

import io.scenescore.composer.ComposerSource;

/** The built-in composer as a music source (routes/music.camel.yaml). */
public class ComposerConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        camelContext.getRegistry().bind("composerSource", new ComposerSource());
    }
}
