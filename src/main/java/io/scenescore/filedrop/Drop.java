package io.scenescore.filedrop;

/**
 * A job file taken from the inbox: NAME of NAME.json, and the folder (.error until its job is queued, then .done)
 * that the file, and NAME.mp4 beside it, go to.
 */
public record Drop(String name, String folder) {

    public static final String DONE = ".done";
    public static final String ERROR = ".error";

    /** The same drop, its job queued: it goes to .done. */
    public Drop done() {
        return new Drop(name, DONE);
    }
}
