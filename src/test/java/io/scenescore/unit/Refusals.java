package io.scenescore.unit;

import io.scenescore.api.ProblemDocuments;

/** The HTTP status the API answers a refusal with: domain errors carry none of their own. */
final class Refusals {

    private static final ProblemDocuments DOCUMENTS = new ProblemDocuments();

    private Refusals() {
    }

    static int status(Throwable refusal) {
        return DOCUMENTS.describe(refusal).status();
    }
}
