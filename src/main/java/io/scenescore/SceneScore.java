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

    /** What {@code scenescore --help} prints. */
    static final String HELP = """
            SceneScore: scores a video scene by scene (storyboard in, soundtrack out).

            usage:
              scenescore score STORYBOARD.json [OUT.mp3|OUT.wav]
                  score one storyboard and exit: starts the service on a free local port, prints each scene as it
                  is made and writes the soundtrack (default soundtrack.mp3)
              scenescore
                  run the service (HTTP API on port 8080, file drop), from the folder holding routes/ and
                  application.properties
              scenescore help | --help | -h
                  print this

            main settings (environment variables; all of them are in application.properties):
              SCENESCORE_PORT            HTTP port of the service (8080)
              SCENESCORE_DATA_DIR        data folder; the embedded PostgreSQL lives in it (./data)
              SCENESCORE_DB_URL          a PostgreSQL JDBC URL instead of the embedded server
                                         (with SCENESCORE_DB_USER, SCENESCORE_DB_PASSWORD)
              SCENESCORE_PROVIDER        music: replicate, composer or silence (replicate with a token, else composer)
              REPLICATE_API_TOKEN        Replicate's token for MusicGen
              SCENESCORE_API_KEY         the bearer key clients must send (none: no key asked)
              SCENESCORE_FFMPEG          an ffmpeg to use (else PATH, else the static FFmpeg shipped in the jar)
              SCENESCORE_FFPROBE         an ffprobe to use (else PATH; without one ffmpeg probes videos)
              SCENESCORE_CACHE_DIR       where the shipped FFmpeg is extracted (~/.cache/scenescore)
            """;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && List.of("help", "--help", "-h").contains(args[0])) {
            System.out.print(HELP);
            System.exit(0);
        }
        if (args.length > 0 && !args[0].equals("score")) {
            System.err.println("scenescore: unknown command '" + args[0] + "'; the commands are 'score STORYBOARD.json [OUT]' "
                    + "and none (runs the service); see scenescore --help");
            System.exit(2);
        }
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
        // (either failing stops start-up with one clear line; the webhook secret is checked in between, needing no
        // database); the later ones use the dataSource it binds
        for (Class<? extends CamelConfiguration> feature : List.of(ApiConfiguration.class, WebhookConfiguration.class, StoreConfiguration.class,
                MediaConfiguration.class, RunConfiguration.class, JobConfiguration.class, ComposerConfiguration.class,
                ReplicateConfiguration.class, FileDropConfiguration.class, RouteReloadConfiguration.class,
                VideoConfiguration.class, MetricsConfiguration.class, StoryboardConfiguration.class, VersionsConfiguration.class,
                TimelineConfiguration.class)) {
            main.configure().addConfiguration(feature);
        }
        // the top-level file is the one operators edit; the copy in the jar keeps the defaults at hand elsewhere
        main.setDefaultPropertyPlaceholderLocation(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        main.setOverrideProperties(overrides);
        // the metrics registry (/observe/metrics) is there before Camel's metrics set-up looks for one
        main.bind(org.apache.camel.component.micrometer.MicrometerConstants.METRICS_REGISTRY_NAME, MetricsConfiguration.newRegistry());
        return main;
    }
}
