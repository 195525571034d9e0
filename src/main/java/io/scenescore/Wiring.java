package io.scenescore;

import java.nio.file.Path;

import org.apache.camel.CamelContext;

/** What the feature configurations share: the data folder, and beans one feature binds and another uses. */
final class Wiring {

    private Wiring() {
    }

    /** scenescore.data-dir as an absolute path. */
    static Path dataDir(String dataDir) {
        return Path.of(dataDir).toAbsolutePath();
    }

    /** A bean an earlier configuration bound (see SceneScore.newMain for their order). */
    static <T> T bound(CamelContext camelContext, String name, Class<T> type) {
        T bean = camelContext.getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("no bean " + name + " (" + type.getSimpleName()
                    + ") is bound: its configuration must come earlier in SceneScore.newMain");
        }
        return bean;
    }
}
