package io.scenescore.run;

import java.util.Locale;
import java.util.Set;

import io.scenescore.StartupFailure;

/** Which music source a run uses: the one configured, else Replicate when a token is set, else the composer. */
public final class MusicSources {

    public static final Set<String> KNOWN = Set.of("replicate", "composer", "silence");

    private MusicSources() {
    }

    public static String choose(String configured, String replicateToken) {
        if (configured != null && !configured.isBlank()) {
            String name = configured.strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw new StartupFailure("SCENESCORE_PROVIDER must be one of replicate, composer, silence; got " + configured);
            }
            if (name.equals("replicate") && (replicateToken == null || replicateToken.isBlank())) {
                throw new StartupFailure("SCENESCORE_PROVIDER=replicate needs REPLICATE_API_TOKEN (or REPLICATE_API_KEY)");
            }
            return name;
        }
        return replicateToken != null && !replicateToken.isBlank() ? "replicate" : "composer";
    }
}
