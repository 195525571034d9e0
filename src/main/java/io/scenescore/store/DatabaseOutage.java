package io.scenescore.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database is away for a while (restarting, failing over, unreachable) rather than
 * refusing what was asked: SQLSTATE class 08 (connection exceptions), 57P01/57P02/57P03 (the server shutting down
 * or not yet accepting connections) anywhere on the cause chain, or the pool's own timeout waiting for a
 * connection. Spring's translation of camel-sql's failures keeps the driver's exception as the cause.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 64; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isOutageState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static boolean isOutageState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08")
                || "57P01".equals(sqlState) || "57P02".equals(sqlState) || "57P03".equals(sqlState));
    }
}
