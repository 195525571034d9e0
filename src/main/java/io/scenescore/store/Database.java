package io.scenescore.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.scenescore.StartupFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The PostgreSQL that holds jobs: a configured server through a pool, or an embedded one kept on disk. */
public final class Database extends ServiceSupport {

    private final HikariDataSource dataSource;
    private final EmbeddedPostgres embedded;

    private Database(HikariDataSource dataSource, EmbeddedPostgres embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    /**
     * Connects (starting an embedded server when url is blank) and migrates the schema. A statement waits at most
     * {@code connectionTimeoutMs} for a connection before it fails (and, when the database is away, the routes'
     * policy retries it).
     */
    public static Database open(String url, String user, String password, Path embeddedDir, long connectionTimeoutMs) {
        EmbeddedPostgres embedded = null;
        String jdbcUrl = url;
        String jdbcUser = user;
        if (url == null || url.isBlank()) {
            embedded = startEmbedded(embeddedDir);
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
            jdbcUser = "postgres";
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (jdbcUser != null && !jdbcUser.isBlank()) {
            config.setUsername(jdbcUser);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setPoolName("scenescore");
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(Math.max(250, connectionTimeoutMs));
        config.setInitializationFailTimeout(5000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            closeQuietly(embedded);
            throw new StartupFailure("cannot reach PostgreSQL at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            closeQuietly(embedded);
            throw new StartupFailure("database migration failed: " + rootMessage(e), e);
        }
        return new Database(dataSource, embedded);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection of its own, outside the pool, for a session that lives long (LISTEN), named {@code purpose} in
     * pg_stat_activity; the caller closes it.
     */
    public java.sql.Connection connectApart(String purpose) throws java.sql.SQLException {
        java.util.Properties login = new java.util.Properties();
        login.setProperty("ApplicationName", purpose);
        if (dataSource.getUsername() != null) {
            login.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            login.setProperty("password", dataSource.getPassword());
        }
        return java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), login);
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    private static EmbeddedPostgres startEmbedded(Path dir) {
        try {
            Files.createDirectories(dir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("cannot start the embedded PostgreSQL in " + dir + ": " + rootMessage(e), e);
        }
    }

    @Override
    protected void doStop() {
        dataSource.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // shutting down anyway
            }
        }
    }

    /** A JDBC URL without a password that may be written into it. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof SQLException) {
                break;
            }
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Whether the pool can hand out a working connection (for health). */
    public boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
