package uk.probation.inspection.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

import uk.probation.inspection.infra.JavaProcess;
import uk.probation.inspection.infra.Ports;
import uk.probation.inspection.infra.run.LocalSystem;

/**
 * The packaged system started exactly as ./run starts it (same launcher), on free ports with an embedded
 * PostgreSQL of its own, plus what benchmarks and fault tests need around it: tokens, service URLs, process ids.
 */
public final class BenchSystem implements AutoCloseable {

    public static final String CASE = "case-service";
    public static final String RATING = "rating-service";
    public static final String FEEDBACK = "feedback-service";
    public static final List<String> SERVICES = List.of(CASE, RATING, FEEDBACK);

    private final LocalSystem system;
    private final Path root;
    public final Http http = new Http(Duration.ofSeconds(30));
    public final String lead;
    public final String admin;

    private BenchSystem(LocalSystem system, Path root) {
        this.system = system;
        this.root = root;
        this.lead = system.tokens().token("bench-lead", "lead-inspector", "*");
        this.admin = system.tokens().token("bench-admin", "admin", "*");
    }

    /** Starts everything; {@code runDir} receives every log. */
    public static BenchSystem start(Path runDir, String suffix) {
        Path root = repositoryRoot();
        for (String service : SERVICES) {
            Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (mvn -B -pl "
                        + String.join(",", SERVICES) + " package -DskipTests)");
            }
        }
        LocalSystem system = LocalSystem.start(LocalSystem.Options.isolated(root, runDir, suffix, true));
        BenchSystem bench = new BenchSystem(system, root);
        Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "stop-bench-system"));
        return bench;
    }

    /** The repository root: the nearest directory upwards holding the services' modules. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("bench.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("case-service")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }

    public LocalSystem system() {
        return system;
    }

    public Path root() {
        return root;
    }

    public String url(String service) {
        return system.service(service).url();
    }

    public String managementUrl(String service) {
        return system.service(service).managementUrl();
    }

    public String bootstrapServers() {
        return system.bootstrapServers();
    }

    public String token(String user, String role) {
        return system.tokens().token(user, role, "*");
    }

    /**
     * The pid of the service process listening on {@code port}: LocalSystem does not expose its children's
     * pids, so the process is found by the QUARKUS_HTTP_PORT in its environment.
     */
    /** A second instance of a service (its process and base URL). */
    public record Instance(JavaProcess process, String url) {
    }

    /**
     * Starts a second instance of a running service, as a second Kubernetes replica would be: the first one's
     * environment (same database, broker, OIDC provider), other ports; returns once it is ready.
     */
    public Instance startSecondInstance(String service, Path runDir) {
        Map<String, String> env = new HashMap<>();
        environmentOf(pid(service)).forEach((k, v) -> {
            if (k.startsWith("QUARKUS_") || k.startsWith("KAFKA_") || k.startsWith("RATING_")) {
                env.put(k, v);
            }
        });
        int port = Ports.free();
        int management = Ports.free();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        JavaProcess process = LocalSystem.startService(service + "-2", jar, env, runDir.resolve(service + "-2.log"));
        long deadline = System.currentTimeMillis() + 180_000;
        while (http.get("http://127.0.0.1:" + management + "/q/health/ready", null).status() != 200) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.stop(5);
                throw new IllegalStateException(service + "-2 did not become ready; see " + process.log());
            }
            AnswerLoad.pause(500);
        }
        return new Instance(process, "http://127.0.0.1:" + port);
    }

    public static OptionalLong pidOfPort(int port) {
        String wanted = "QUARKUS_HTTP_PORT=" + port;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> environment(p).contains(wanted))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    public long pid(String service) {
        int port = Integer.parseInt(url(service).replaceAll(".*:", ""));
        return pidOfPort(port).orElseThrow(() -> new IllegalStateException("no process for " + service));
    }

    /** The environment of a process as NUL-separated text, empty when unreadable. */
    static String environment(Path proc) {
        try {
            byte[] bytes = Files.readAllBytes(proc.resolve("environ"));
            return "\0" + new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }

    /** Environment variables of a process, as a map. */
    public static Map<String, String> environmentOf(long pid) {
        Map<String, String> env = new TreeMap<>();
        for (String entry : environment(Path.of("/proc", Long.toString(pid))).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** Resident set size in MB from /proc/<pid>/status (VmRSS), or -1. */
    public static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    /** True when every service answers 200 on /q/health/ready. */
    public boolean allReady() {
        return SERVICES.stream().allMatch(s -> http.get(managementUrl(s) + "/q/health/ready", null).status() == 200);
    }

    @Override
    public void close() {
        system.stop();
    }
}
