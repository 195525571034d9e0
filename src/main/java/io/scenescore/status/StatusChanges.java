package io.scenescore.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.camel.support.service.ServiceSupport;

/**
 * Listens on PostgreSQL's channel scenescore_status (migration V11) on a connection of its own and tells the
 * {@link StatusCache} which jobs changed. When the connection is lost the cache stops serving and the listening
 * starts again a second later.
 */
public final class StatusChanges extends ServiceSupport {

    /** Opens the connection to listen on (outside the pool: LISTEN belongs to one session). */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    static final String CHANNEL = "scenescore_status";
    /** The listening session's application_name in pg_stat_activity. */
    public static final String LISTENER = "scenescore status listener";
    private static final Logger LOG = LoggerFactory.getLogger(StatusChanges.class);
    private static final long RETRY_MS = 1000;
    private static final int POLL_MS = 10_000;

    private final StatusCache cache;
    private final Connector connector;
    private final ScheduledExecutorService executor;
    private volatile Connection connection;
    private boolean warned;

    public StatusChanges(StatusCache cache, Connector connector, ScheduledExecutorService executor) {
        this.cache = cache;
        this.connector = connector;
        this.executor = executor;
    }

    @Override
    protected void doStart() {
        executor.execute(this::listen);
    }

    @Override
    protected void doStop() throws Exception {
        Connection open = connection;
        if (open != null) {
            // unblocks getNotifications
            open.close();
        }
        executor.shutdownNow();
    }

    private void listen() {
        try (Connection open = connector.connect()) {
            connection = open;
            try (Statement listen = open.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
            cache.listening();
            if (warned) {
                LOG.info("listening for status changes again");
                warned = false;
            }
            PGConnection pg = open.unwrap(PGConnection.class);
            while (isRunAllowed() && !isStopping()) {
                PGNotification[] announced = pg.getNotifications(POLL_MS);
                if (announced == null || announced.length == 0) {
                    // a quiet while: is the connection still there (a lost one throws)
                    try (Statement alive = open.createStatement()) {
                        alive.execute("SELECT 1");
                    }
                } else {
                    for (PGNotification change : announced) {
                        cache.changed(change.getParameter());
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            cache.deaf();
            if (isRunAllowed() && !isStopping()) {
                if (!warned) {
                    LOG.warn("not listening for status changes ({}); status documents are read from the database until it"
                            + " is back", e.getMessage());
                    warned = true;
                }
                executor.schedule(this::listen, RETRY_MS, TimeUnit.MILLISECONDS);
            }
        } finally {
            connection = null;
        }
    }
}
