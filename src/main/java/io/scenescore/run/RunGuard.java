package io.scenescore.run;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

import io.scenescore.store.DatabaseOutage;

/** Reads what renewing a run's lease answered: go on, stop because it was canceled, or stop because it is no longer ours. */
public final class RunGuard {

    /**
     * Whether a scene's music failed in a way the run's error strategy decides about: not a stop, not halt, and not
     * the database going away (that is waited for, and never makes a scene silent).
     */
    public boolean sceneMayFallBack(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (DatabaseOutage.isOutage(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RunStop || t instanceof SetupFailure) {
                return false;
            }
        }
        return !exchange.getProperty("run", Run.class).params().halts();
    }

    /**
     * Why a run failed, in the words of what failed: the split and the calls between routes wrap a failure in
     * Camel's own exceptions ("Multicast processing failed for number 1 ..."), which say nothing to a user. A failure
     * whose words are not written for people (a library's internals, a null where a value was expected) is told as
     * unexpected; the log has it whole.
     */
    public String reason(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && (t instanceof org.apache.camel.CamelException
                || t instanceof org.apache.camel.RuntimeCamelException || t instanceof java.io.UncheckedIOException)) {
            t = t.getCause();
        }
        if (t instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        return t.getMessage() == null || t.getMessage().isBlank() || !inWords(t)
                ? "an unexpected failure (the details are in the log)" : t.getMessage();
    }

    /**
     * Whether a failure's message was written for people: one of this service's own failures (also when a route
     * throws it), one its code threw (not one the JVM raised in it), or an input/output fault, whose words say what
     * failed (a refused connection, a full disk).
     */
    private static boolean inWords(Throwable t) {
        if (t instanceof NullPointerException || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException
                || t instanceof ArithmeticException || t instanceof com.fasterxml.jackson.core.JacksonException
                || t instanceof org.apache.camel.CamelException || t instanceof org.apache.camel.RuntimeCamelException) {
            return false;
        }
        StackTraceElement[] trace = t.getStackTrace();
        return t.getClass().getName().startsWith("io.scenescore.") || t instanceof java.io.IOException
                || trace.length > 0 && trace[0].getClassName().startsWith("io.scenescore.");
    }

    /** A scene whose music failed gets silence of its length, with the failure's words in its status. */
    public SceneWork silence(SceneWork scene, Throwable failure) {
        return scene.silenced(reason(failure));
    }

    /** Stops the run with the failure of cutting or storing one of its scenes (beside the generation), if one failed. */
    public void checkStored(Run run) throws Exception {
        run.sheet().checkStored();
    }

    /** Whether the run (if the exchange has one yet) has scenes still being cut or stored beside the generation. */
    public boolean stillStoring(@ExchangeProperty("run") Run run) {
        return run != null && run.sheet().stillStoring();
    }

    /** How long to wait before looking at {@link #stillStoring} again. */
    public long nextStoreCheck(@ExchangeProperty("run") Run run) {
        return run.sheet().nextStoreCheckMs();
    }

    /** The parameters of mark-scene-running.sql: the run's hold, the scene's index, source and length. */
    public Map<String, Object> markParameters(Run run, SceneWork scene) {
        Map<String, Object> parameters = run.holdParameters();
        parameters.put("scene_index", scene.index());
        parameters.put("source", run.provider());
        parameters.put("duration", scene.scene().duration());
        return parameters;
    }

    /**
     * Goes on with the run, or stops it: canceled, no longer held by this instance, or one of its scenes failed to be
     * stored beside the generation.
     *
     * @param renewal what renewing the run's lease answered: its cancel_requested (renew-lease.sql,
     *                record-prediction.sql), or the row with it (mark-scene-running.sql); null when no row was renewed
     */
    public void held(Run run, Object renewal) throws Exception {
        Object cancelRequested = renewal instanceof Map<?, ?> row ? row.get("cancel_requested") : renewal;
        if (cancelRequested == null) {
            throw new LeaseLost(run.jobId());
        }
        if (Boolean.TRUE.equals(cancelRequested)) {
            throw new RunCanceled(run.jobId());
        }
        checkStored(run);
        run.held();
    }
}
