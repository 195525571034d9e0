package io.scenescore;

/** A reason the service cannot start, worded for the operator who reads the one line it prints. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupFailure(String message) {
        super(message);
    }

    /** The first StartupFailure in the cause chain, else the deepest cause's message. */
    static String describe(Throwable e) {
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupFailure) {
                return t.getMessage();
            }
            deepest = t;
        }
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }
}
