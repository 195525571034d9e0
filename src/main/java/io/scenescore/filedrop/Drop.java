package io.scenescore.filedrop;

/**
 * A job file taken from the inbox: NAME of NAME.json, and the folder (.error until its job is queued, then .done)
 * that the file, and NAME.mp4 beside it, go to.
 */
public record Drop(String name, String folder) {

    public static final String DONE = ".done";
    public static final String ERROR = ".error";

    /** What ends NAME of a drop that makes a scene of the job dropped as NAME again (NAME.regenerate.json). */
    public static final String REGENERATE = ".regenerate";

    /** Whether this drop makes a scene of an earlier drop's job again. */
    public boolean regenerate() {
        return name.endsWith(REGENERATE) && name.length() > REGENERATE.length();
    }

    /** The NAME of the earlier drop whose job a regenerate drop names. */
    public String target() {
        return regenerate() ? name.substring(0, name.length() - REGENERATE.length()) : name;
    }

    /** The same drop, its job queued: it goes to .done. */
    public Drop done() {
        return new Drop(name, DONE);
    }
}
