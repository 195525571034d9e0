package io.scenescore.run;

/** A music source could not make a scene's music; the message says why, in words for the status document. */
public class MusicSourceFailure extends RuntimeException {

    public MusicSourceFailure(String message) {
        super(message);
    }
}
