package io.scenescore.replicate;

import java.util.Set;

/** What a Replicate prediction says of itself. */
public record Prediction(String id, String status, String outputUrl, String error, String getUrl, String cancelUrl) {

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "canceled", "aborted");

    /** A prediction known only by its id (found again after an interruption); polling tells the rest. */
    public static Prediction adopted(String id) {
        return new Prediction(id, "unknown", null, null, null, null);
    }

    public boolean terminal() {
        return TERMINAL.contains(status);
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    /** Why the prediction did not give music, in words for the status document. */
    public String failure() {
        String why = error == null || error.isBlank() ? "no error given" : error.strip();
        return "prediction " + id + " " + status + ": " + why;
    }
}
