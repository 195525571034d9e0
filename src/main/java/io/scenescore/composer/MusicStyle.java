package io.scenescore.composer;

import java.util.List;

/**
 * The instrumentation family read from a scene's style words. Declaration order is the priority when several
 * styles are named in the same field ("jazz piano" is jazz, "ambient piano" is piano).
 */
public enum MusicStyle {
    JAZZ("jazz", "jazzy", "swing", "noir", "lounge", "bebop", "blues", "bluesy"),
    PIANO("piano", "pianist", "keys"),
    ELECTRONIC("electronic", "electro", "synth", "synths", "synthesizer", "edm", "techno", "house", "trance",
            "synthwave", "dubstep", "chiptune", "retrowave", "cyberpunk"),
    AMBIENT("ambient", "atmospheric", "drone", "soundscape", "ethereal"),
    ROCK("rock", "metal", "punk", "grunge"),
    ACOUSTIC("acoustic", "folk", "country", "guitar", "indie", "campfire"),
    ORCHESTRAL("orchestral", "orchestra", "symphonic", "symphony", "classical", "strings", "baroque"),
    CINEMATIC("cinematic", "film", "movie", "score", "soundtrack", "trailer", "epic");

    private final List<String> words;

    MusicStyle(String... words) {
        this.words = List.of(words);
    }

    /** Whether one lower-case word names this style. */
    boolean isNamedBy(String word) {
        return words.contains(word);
    }
}
