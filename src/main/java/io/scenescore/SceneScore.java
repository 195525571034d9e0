package io.scenescore;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.Main;

/**
 * Starts SceneScore: {@code java -jar scenescore.jar} runs the service;
 * {@code java -jar scenescore.jar score STORYBOARD.json OUT.mp3} scores one storyboard and exits.
 */
public final class SceneScore {

    private SceneScore() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("score")) {
            // the one-shot mode prints its own progress; Camel's start-up chatter would drown it
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("scenescore.log", "warn"));
            System.exit(OneShotScoring.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Main main = newMain(new Properties());
        try {
            System.exit(main.run(new String[0]));
        } catch (Exception e) {
            System.err.println("scenescore: cannot start: " + StartupFailure.describe(e));
            System.exit(1);
        }
    }

    /** The service as configured by application.properties, the environment and the given overrides. */
    public static Main newMain(Properties overrides) {
        // new Main() rather than new Main(SceneScore.class): no package scan that would pick up test classes
        Main main = new Main();
        // one configuration per feature, in this order: the port is checked first, then the database is opened
        // (either failing stops start-up with one clear line); the later ones use the dataSource it binds
        for (Class<? extends CamelConfiguration> feature : List.of(ApiConfiguration.class, StoreConfiguration.class,
                MediaConfiguration.class, RunConfiguration.class, JobConfiguration.class, ComposerConfiguration.class,
                ReplicateConfiguration.class, FileDropConfiguration.class, RouteReloadConfiguration.class,
                VideoConfiguration.class)) {
            main.configure().addConfiguration(feature);
        }
        // the top-level file is the one operators edit; the copy in the jar keeps the defaults at hand elsewhere
        main.setDefaultPropertyPlaceholderLocation(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        main.setOverrideProperties(overrides);
        return main;
    }
}
