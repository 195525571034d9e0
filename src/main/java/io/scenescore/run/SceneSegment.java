package io.scenescore.run;

import java.nio.file.Path;

/**
 * A scene's finished piece: its stored audio (exact scene length), where it came from, and what the next
 * scene needs to continue it (the music source's own URL for the raw piece, when it has one).
 */
public record SceneSegment(int index, Path file, double durationSeconds, String source, String continuationUrl) {
}
