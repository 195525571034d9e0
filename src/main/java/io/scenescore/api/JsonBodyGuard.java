package io.scenescore.api;

import java.util.Locale;

/**
 * A JSON endpoint takes only a body declared as JSON: {@code application/json} or a {@code +json} type such as
 * {@code application/merge-patch+json}, with or without parameters (charset). Anything else, and a body without a
 * Content-Type, is a 415: that is what a browser's cross-site "simple request" (text/plain, a form) cannot avoid.
 */
public final class JsonBodyGuard {

    public static final String EXPECTED = "application/json";

    /** For POST /audio/generate-scenes: JSON only. */
    public void check(String contentType) {
        check(contentType, "the body must be JSON sent with Content-Type: " + EXPECTED + " (or a +json type)");
    }

    /** For POST /jobs, whose multipart posts the upload gate has taken before: the JSON job. */
    public void checkJob(String contentType) {
        check(contentType, "the body must be JSON sent with Content-Type: " + EXPECTED
                + " (or a +json type), or a form sent as multipart/form-data with a job part and a video part");
    }

    private static void check(String contentType, String expected) {
        String declared = mediaType(contentType);
        if (declared.isEmpty()) {
            throw refusal(expected + "; no Content-Type was sent");
        }
        if (!isJson(declared)) {
            throw refusal(expected + "; it was sent as " + printable(declared));
        }
    }

    static boolean isJson(String mediaType) {
        if (mediaType.equals(EXPECTED)) {
            return true;
        }
        int slash = mediaType.indexOf('/');
        return slash > 0 && mediaType.endsWith("+json") && mediaType.length() > slash + 1 + "+json".length()
                && mediaType.substring(0, slash).equals("application");
    }

    /** type/subtype in lower case, without parameters; empty when none was sent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    private static String printable(String mediaType) {
        String shown = mediaType.replaceAll("[^\\x21-\\x7e]", "?");
        return shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
    }

    private static ApiProblem refusal(String detail) {
        return new ApiProblem(415, "Unsupported Media Type", detail);
    }
}
