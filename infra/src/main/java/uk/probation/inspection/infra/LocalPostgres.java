package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for ./run and tests: the one already listening on 127.0.0.1:5432 (user postgres,
 * trust auth) when it answers, otherwise an embedded PostgreSQL that needs no installation.
 */
public final class LocalPostgres implements AutoCloseable {

    /** Connection settings for one service's own database. */
    public record Database(String jdbcUrl, String username, String password) {
    }

    private final String host;
    private final int port;
    private final String superuser;
    private final Path dataDir;
    /** TLS of an embedded server started by {@link #startEmbeddedTls}, else null. */
    private final TlsMaterial tls;
    private EmbeddedPostgres embedded;

    private LocalPostgres(String host, int port, String superuser, EmbeddedPostgres embedded, Path dataDir) {
        this(host, port, superuser, embedded, dataDir, null);
    }

    private LocalPostgres(String host, int port, String superuser, EmbeddedPostgres embedded, Path dataDir,
            TlsMaterial tls) {
        this.host = host;
        this.port = port;
        this.superuser = superuser;
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.tls = tls;
    }

    /**
     * Uses PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres) when a server answers there; otherwise
     * starts an embedded one with its data under {@code workDir}.
     */
    public static LocalPostgres start(Path workDir) {
        String host = env("PGHOST", "127.0.0.1");
        int port = Integer.parseInt(env("PGPORT", "5432"));
        if (Ports.answers(host, port)) {
            return new LocalPostgres(host, port, env("PGUSER", "postgres"), null, null);
        }
        return startEmbedded(workDir);
    }

    /** An embedded PostgreSQL with its data under {@code workDir}, whatever else runs on this machine. */
    public static LocalPostgres startEmbedded(Path workDir) {
        Path dataDir = workDir.resolve("postgres");
        Dirs.deleteRecursively(dataDir); // initdb refuses a directory left by an earlier run.
        // Not "clean on close": a test that stops the server for an outage must get the same data back.
        EmbeddedPostgres embedded = embedded(dataDir, Ports.free(), false);
        return new LocalPostgres("127.0.0.1", embedded.getPort(), "postgres", embedded, dataDir);
    }

    /**
     * An embedded PostgreSQL that accepts TLS connections only ({@code ssl=on} with {@code tls}'s server
     * certificate; pg_hba refuses every connection without TLS, as the Kubernetes databases do), like
     * {@link #startEmbedded}. {@link Database#jdbcUrl()} then asks for {@code sslmode=verify-full} against the CA.
     * Never the system server on 5432: that one is not reconfigured.
     */
    public static LocalPostgres startEmbeddedTls(Path workDir, TlsMaterial tls) {
        Path dataDir = workDir.resolve("postgres");
        Dirs.deleteRecursively(dataDir);
        Path hba = workDir.resolve("pg_hba_tls.conf");
        try {
            Files.writeString(hba, String.join("\n",
                    "# TLS only: the superuser (no password, local tests) and the services' roles (SCRAM)",
                    "local all all trust",
                    "hostssl all postgres 127.0.0.1/32 trust",
                    "hostssl all postgres ::1/128 trust",
                    "hostssl all all 127.0.0.1/32 scram-sha-256",
                    "hostssl all all ::1/128 scram-sha-256",
                    "hostnossl all all all reject",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setPort(Ports.free())
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", tls.serverCertificate().toString())
                    .setServerConfig("ssl_key_file", tls.serverKey().toString())
                    .setServerConfig("ssl_min_protocol_version", "TLSv1.2")
                    .setServerConfig("hba_file", hba.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("sslmode", "require")
                    .start();
            return new LocalPostgres("127.0.0.1", embedded.getPort(), "postgres", embedded, dataDir, tls);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL with TLS", e);
        }
    }

    private static EmbeddedPostgres embedded(Path dataDir, int port, boolean clean) {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(clean).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public boolean isTls() {
        return tls != null;
    }

    /** Fault tests: stops the embedded server (an outage), keeping its data. */
    public void stopEmbedded() {
        requireEmbedded();
        close();
        embedded = null;
    }

    /** Fault tests: starts the embedded server again on the same port and data (without TLS). */
    public void restartEmbedded() {
        if (embedded == null) {
            embedded = embedded(dataDir, port, false);
        }
    }

    private void requireEmbedded() {
        if (dataDir == null) {
            throw new IllegalStateException("only an embedded PostgreSQL can be stopped by a test");
        }
    }

    /** A server that is already running (for example one started earlier in this JVM). */
    public static LocalPostgres existing(String host, int port) {
        return new LocalPostgres(host, port, env("PGUSER", "postgres"), null, null);
    }

    public boolean isEmbedded() {
        return dataDir != null;
    }

    public int port() {
        return port;
    }

    /**
     * Makes sure the role and database exist (the role owns the database) and returns how to reach it.
     *
     * @param fresh drop and recreate the database, for a test run that must start empty
     */
    public Database database(String name, String role, boolean fresh) {
        String password = role; // Local-only credentials; Kubernetes takes them from CloudNativePG secrets.
        try (Connection admin = DriverManager.getConnection(url("postgres"), superuser, "");
                Statement sql = admin.createStatement()) {
            if (!exists(sql, "select 1 from pg_roles where rolname = '" + role + "'")) {
                sql.execute("create role " + role + " login password '" + password + "'");
            }
            if (fresh) {
                sql.execute("drop database if exists " + name + " with (force)");
            }
            if (!exists(sql, "select 1 from pg_database where datname = '" + name + "'")) {
                sql.execute("create database " + name + " owner " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + name + " on " + host + ":" + port, e);
        }
        return new Database(url(name), role, password);
    }

    private String url(String database) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        // TLS: the client verifies the server's certificate and host name against the CA, as on Kubernetes
        return tls == null ? url : url + "?sslmode=verify-full&sslrootcert=" + tls.caCertificate();
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
