package uk.probation.inspection.e2e;

import java.nio.file.Path;

import uk.probation.inspection.infra.run.LocalSystem;

/**
 * The packaged services, started once per test JVM exactly as ./run starts them (same launcher), but on free
 * ports with an embedded PostgreSQL of their own, so tests may stop the database without touching anything
 * else on the machine.
 */
final class RunningSystem {

    private static LocalSystem system;
    private static RuntimeException failure;

    private RunningSystem() {
    }

    static synchronized LocalSystem get() {
        if (failure != null) {
            throw failure; // One start-up failure is reported once per test, not retried into new ones.
        }
        if (system == null) {
            Path root = Path.of("..").toAbsolutePath().normalize();
            Path runDir = Path.of("target", "e2e-run").toAbsolutePath();
            try {
                system = LocalSystem.start(LocalSystem.Options.isolated(root, runDir, "e2e", true));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "stop-e2e-system"));
        }
        return system;
    }

    static String url(String service) {
        return get().service(service).url();
    }

    static String managementUrl(String service) {
        return get().service(service).managementUrl();
    }

    static String token(String user, String role) {
        return get().tokens().token(user, role, "*");
    }

    static String token(String user, String role, String region) {
        return get().tokens().token(user, role, region);
    }
}
