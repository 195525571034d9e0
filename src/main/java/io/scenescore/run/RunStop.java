package io.scenescore.run;

/**
 * The run must stop without its scene being given up as failed or silent: it was canceled, another instance
 * holds it now, or this instance is shutting down (and hands it over).
 */
public abstract class RunStop extends RuntimeException {

    protected RunStop(String message) {
        super(message);
    }
}
