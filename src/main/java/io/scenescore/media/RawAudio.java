package io.scenescore.media;

import java.nio.file.Path;
import java.util.List;

/**
 * What a music source made for a scene, before it is cut to length: pieces to play one after the other, each
 * with the seconds to cut off its front (a continuation's repeated window). No pieces: silence.
 */
public record RawAudio(List<Path> pieces, List<Integer> skipSeconds) {

    public RawAudio {
        if (pieces.size() != skipSeconds.size()) {
            throw new IllegalArgumentException("every piece needs its skip");
        }
        pieces = List.copyOf(pieces);
        skipSeconds = List.copyOf(skipSeconds);
    }

    public static RawAudio silence() {
        return new RawAudio(List.of(), List.of());
    }

    public static RawAudio of(Path piece) {
        return new RawAudio(List.of(piece), List.of(0));
    }
}
