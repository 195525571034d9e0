package io.scenescore.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one policy for a database that goes away (routes/errors.camel.yaml, onException retry-database): which
 * failures it takes ({@link #isOutage}), the time it keeps retrying ({@link #mayRetry}: until the database has
 * been away for {@code scenescore.db.retry-for-ms}), and what each failed attempt records (as Camel's
 * onExceptionOccurred processor: the outage's start on the work's {@link DatabaseWait}, exchange property
 * {@code databaseWait}). Timers that look at the database skip a tick instead ({@link #skipTick}).
 */
public final class DatabaseRetries implements Processor {

    /** The exchange property holding the work's {@link DatabaseWait}. */
    public static final String WAIT = "databaseWait";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRetries.class);
    private static final long QUIET_MS = 30_000;

    private final long retryForMs;
    private final Map<String, Long> lastTickWarning = new ConcurrentHashMap<>();

    public DatabaseRetries(long retryForMs) {
        if (retryForMs < 0) {
            throw new IllegalArgumentException("scenescore.db.retry-for-ms must be 0 or more, got " + retryForMs);
        }
        this.retryForMs = retryForMs;
    }

    public long retryForMs() {
        return retryForMs;
    }

    /** A fresh wait for a piece of work (a run) that wants to tell later whether it waited. */
    public DatabaseWait newWait() {
        return new DatabaseWait();
    }

    /** onWhen: the exchange failed because the database is away. */
    public boolean isOutage(Exchange exchange) {
        return DatabaseOutage.isOutage(failure(exchange));
    }

    /** {@link #isOutage} as a Predicate that reads the exchange itself (what doCatch's onWhen needs). */
    public org.apache.camel.Predicate outagePredicate() {
        return this::isOutage;
    }

    /** retryWhile: the database has been away for less than the limit (for this piece of work). */
    public boolean mayRetry(Exchange exchange) {
        DatabaseWait wait = exchange.getProperty(WAIT, DatabaseWait.class);
        long waiting = wait == null ? 0 : wait.waitingMs(System.currentTimeMillis());
        boolean retry = waiting < retryForMs;
        if (!retry) {
            LOG.warn("the database has not answered for {} s (scenescore.db.retry-for-ms = {}); giving up this attempt: {}",
                    waiting / 1000, retryForMs, reason(failure(exchange)));
        }
        return retry;
    }

    /** onExceptionOccurred: a failed attempt opens (or continues) the work's outage. */
    @Override
    public void process(Exchange exchange) {
        DatabaseWait wait = exchange.getProperty(WAIT, DatabaseWait.class);
        if (wait == null) {
            wait = new DatabaseWait();
            exchange.setProperty(WAIT, wait);
        }
        long now = System.currentTimeMillis();
        wait.failed(now);
        LOG.warn("database not answering ({}); route {} retries, waiting {} s so far", reason(failure(exchange)),
                exchange.getFromRouteId(), wait.waitingMs(now) / 1000);
    }

    /** A timer's tick that failed on the database is skipped (the next tick tries again): one line per 30 s per route. */
    public void skipTick(Exchange exchange) {
        String route = String.valueOf(exchange.getFromRouteId());
        long now = System.currentTimeMillis();
        Long last = lastTickWarning.get(route);
        if (last == null || now - last > QUIET_MS) {
            lastTickWarning.put(route, now);
            LOG.warn("{}: database not answering ({}); skipping ticks until it does", route, reason(failure(exchange)));
        } else {
            LOG.debug("{}: tick skipped, database not answering", route);
        }
    }

    static Throwable failure(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /** The driver's words, without the wrapping of Spring and Camel. */
    public static String reason(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return t.getMessage();
            }
            deepest = t;
        }
        return deepest == null ? "unknown" : deepest.getMessage();
    }
}
