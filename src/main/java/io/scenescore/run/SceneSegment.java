package io.scenescore.run;

import java.nio.file.Path;

/**
 * A scene's finished piece: its stored audio (exact scene length), where it came from, and what the next
 * scene needs to continue it: the music source's URL of the raw piece and its length in whole seconds
 * (null and 0 when the source has none), or the composer's key, tempo and motif as JSON (null unless composed).
 * A restored segment was made by an earlier attempt of the run and read back from the database.
 */
public record SceneSegment(int index, Path file, double durationSeconds, String source, String continuationUrl,
                           int continuationSeconds, String musicalContext, boolean restored) {
}
