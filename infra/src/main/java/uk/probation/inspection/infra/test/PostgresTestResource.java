package uk.probation.inspection.infra.test;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.probation.inspection.infra.LocalPostgres;

/**
 * The service's own test database on real PostgreSQL: the server on 127.0.0.1:5432 when it answers,
 * otherwise an embedded one started once per JVM. The database is recreated empty once per test JVM.
 * Init args: {@code database} and {@code role}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String role;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        role = initArgs.getOrDefault("role", database);
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres.Database db = prepare(database, role);
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    /** Creates (once per JVM: empty) the database and returns how to reach it. */
    public static synchronized LocalPostgres.Database prepare(String database, String role) {
        String port = System.getProperty("pip.test.pg.port");
        LocalPostgres postgres = port != null
                ? LocalPostgres.existing("127.0.0.1", Integer.parseInt(port))
                : LocalPostgres.start(Path.of("target", "test-postgres").toAbsolutePath());
        if (port == null) {
            System.setProperty("pip.test.pg.port", Integer.toString(postgres.port()));
            if (postgres.isEmbedded()) {
                Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-test-postgres"));
            }
            System.out.println("[test-infra] real PostgreSQL on 127.0.0.1:" + postgres.port()
                    + (postgres.isEmbedded() ? " (embedded)" : " (local server)"));
        }
        String marker = "pip.test.pg.created." + database;
        boolean fresh = System.getProperty(marker) == null;
        System.setProperty(marker, "true");
        return postgres.database(database, role, fresh);
    }

    @Override
    public void stop() {
        // Kept for the whole test JVM, like the broker.
    }
}
