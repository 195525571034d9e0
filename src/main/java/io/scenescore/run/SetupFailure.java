package io.scenescore.run;

/**
 * A failure no scene can fall back from, because every scene would meet it (a music source that refuses this
 * installation's credentials): the run fails at once with it, whatever its error_strategy.
 */
public class SetupFailure extends RuntimeException {

    public SetupFailure(String message) {
        super(message);
    }
}
