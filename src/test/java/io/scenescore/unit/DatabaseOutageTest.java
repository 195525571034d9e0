package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import io.scenescore.store.DatabaseOutage;
import io.scenescore.store.DatabaseWait;

/** Which failures mean the database is away for a while (and are waited for), and what a run that waited says. */
class DatabaseOutageTest {

    @Test
    void aServerShuttingDownARefusedConnectionAndAPoolTimeoutAreOutages() {
        assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("x",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("scenescore - Connection is not available, request timed out after 5000ms",
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("refused")))))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("An I/O error occurred while sending to the backend", "08006"))).isTrue();
    }

    @Test
    void aRefusedStatementOrAnyOtherFailureIsNot() {
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("x",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("ffmpeg exited with 1"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new ConnectException("replicate.com refused"))).isFalse();
        assertThat(DatabaseOutage.isOutage(null)).isFalse();
    }

    @Test
    void aWaitIsToldInWholeSecondsOnceTheDatabaseAnswered() {
        DatabaseWait wait = new DatabaseWait();
        assertThat(wait.note()).isNull();
        wait.failed(System.currentTimeMillis() - 12_300);
        assertThat(wait.note()).isEqualTo("waited 12 s for the database");
        // a later outage adds to it
        wait.failed(System.currentTimeMillis() - 3_000);
        assertThat(wait.note()).isEqualTo("waited 15 s for the database");
    }
}
