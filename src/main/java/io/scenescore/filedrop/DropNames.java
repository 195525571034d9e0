package io.scenescore.filedrop;

import java.util.regex.Pattern;

/**
 * The names a dropped job may have. NAME (of {@code NAME.json}) names the job's outbox files, so it is data that
 * must never reach outside the folders: letters, digits, spaces and {@code . _ - + ( )}, starting with a letter,
 * digit or underscore, at most {@value #MAX_LENGTH} characters. No separator of any system can appear in it;
 * that matters because Camel turns a backslash in a file name into a path separator.
 */
public final class DropNames {

    public static final int MAX_LENGTH = 120;
    static final String JOB_SUFFIX = ".json";
    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N} ._+()-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern UNSAFE_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}._+()-]");

    private DropNames() {
    }

    /** Whether a file of this name is a job file at all ({@code *.json}); other files in the inbox are left alone. */
    public static boolean isJobFile(String fileName) {
        return fileName != null && fileName.endsWith(JOB_SUFFIX) && fileName.length() > JOB_SUFFIX.length();
    }

    /** NAME of {@code NAME.json}, or null when it is not a name a job may have. */
    public static String jobName(String fileName) {
        if (!isJobFile(fileName)) {
            return null;
        }
        String name = fileName.substring(0, fileName.length() - JOB_SUFFIX.length());
        return SAFE.matcher(name).matches() && !name.endsWith(" ") ? name : null;
    }

    /** Why a job file's name is refused, in the words of a field error on {@code file}. */
    public static String whyRefused(String fileName) {
        return "the name \"" + printable(fileName) + "\" is not allowed: a job file is NAME.json where NAME has at most "
                + MAX_LENGTH + " letters, digits, spaces and . _ - + ( ), starts with a letter, digit or _, and holds no path";
    }

    /** A safe stand-in for a refused name, under which the file is set aside (never empty, never a path). */
    public static String standIn(String fileName) {
        String base = isJobFile(fileName) ? fileName.substring(0, fileName.length() - JOB_SUFFIX.length()) : String.valueOf(fileName);
        String replaced = UNSAFE_CHARACTER.matcher(base).replaceAll("_").replaceAll("^[.]+", "_");
        if (replaced.isEmpty()) {
            replaced = "_";
        }
        return replaced.length() > MAX_LENGTH ? replaced.substring(0, MAX_LENGTH) : replaced;
    }

    /** The name as it may be shown: control characters escaped, and cut when very long. */
    static String printable(String fileName) {
        StringBuilder b = new StringBuilder();
        String s = String.valueOf(fileName);
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.length() >= 200 ? b + "..." : b.toString();
    }
}
