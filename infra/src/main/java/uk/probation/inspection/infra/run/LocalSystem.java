package uk.probation.inspection.infra.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import uk.probation.inspection.infra.JavaProcess;
import uk.probation.inspection.infra.ServiceJvm;
import uk.probation.inspection.infra.KafkaBroker;
import uk.probation.inspection.infra.LocalPeople;
import uk.probation.inspection.infra.LocalPostgres;
import uk.probation.inspection.infra.OidcProvider;
import uk.probation.inspection.infra.Ports;
import uk.probation.inspection.infra.TlsMaterial;
import uk.probation.inspection.infra.TokenIssuer;
import uk.probation.inspection.infra.Topics;

/**
 * The whole system on one machine: a Kafka broker, PostgreSQL (local server or embedded), the local OIDC
 * provider and the three services, each with its own database. Everything started here stops with it.
 */
public final class LocalSystem {

    /**
     * JVM options of every service process. Measured (docs/benchmarks.md): metaspace, code cache, symbols and
     * class data take about 170 MB besides the heap, so with 128 MB of heap a service rests at 230-250 MB (peaks
     * under load still reach 330-360 MB: the rest is not heap); the serial collector and low free ratios give
     * memory back after a burst instead of keeping the heap at its peak.
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx128m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:ReservedCodeCacheSize=64m",
            "-XX:MaxMetaspaceSize=160m");


    /**
     * A service to run from its packaged fast-jar. Packaged services run the prod profile, where health and
     * metrics live on a separate management port.
     */
    public record Service(String name, int port, int managementPort, String database) {

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        /** Where /q/health and /q/metrics are served. */
        public String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }
    }

    /**
     * Where and how to run: ./run uses the contract's fixed ports; end-to-end tests use free ports and their
     * own databases so they never collide with a running ./run.
     */
    public record Options(Path root, Path runDir, List<Service> services, int oidcPort, boolean embeddedPostgres,
            TlsMaterial tls, Map<String, String> serviceEnv) {

        public Options(Path root, Path runDir, List<Service> services, int oidcPort, boolean embeddedPostgres) {
            this(root, runDir, services, oidcPort, embeddedPostgres, null, Map.of());
        }

        /** More environment for every service (settings a test shortens, such as a retry window). */
        public Options withServiceEnv(Map<String, String> env) {
            return new Options(root, runDir, services, oidcPort, embeddedPostgres, tls, Map.copyOf(env));
        }

        /**
         * Everything over TLS, configured as on Kubernetes: a SASL_SSL broker (SCRAM-SHA-512, one user per service),
         * an embedded PostgreSQL that refuses connections without TLS (the services connect with
         * sslmode=verify-full), the OIDC provider over HTTPS; every server presents a certificate of {@code tls}'s
         * CA, the only one the services trust. Needs an embedded PostgreSQL.
         */
        public Options withTls(TlsMaterial tls) {
            return new Options(root, runDir, services, oidcPort, true, tls, serviceEnv);
        }

        /** Only the named services (for tests that need fewer processes). */
        public Options only(String... names) {
            List<String> wanted = List.of(names);
            return new Options(root, runDir, services.stream().filter(s -> wanted.contains(s.name())).toList(), oidcPort,
                    embeddedPostgres, tls, serviceEnv);
        }

        public static Options local(Path root) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return new Options(root, root.resolve(".run").resolve(stamp), List.of(
                    new Service("case-service", 8081, 9081, "case_service"),
                    new Service("rating-service", 8082, 9082, "rating_service"),
                    new Service("feedback-service", 8083, 9083, "feedback_service")), 8180, false);
        }

        /** Free ports and databases named {@code <service>_<suffix>}. */
        public static Options isolated(Path root, Path runDir, String suffix, boolean embeddedPostgres) {
            return new Options(root, runDir, List.of(
                    new Service("case-service", Ports.free(), Ports.free(), "case_service_" + suffix),
                    new Service("rating-service", Ports.free(), Ports.free(), "rating_service_" + suffix),
                    new Service("feedback-service", Ports.free(), Ports.free(), "feedback_service_" + suffix)),
                    Ports.free(), embeddedPostgres);
        }
    }

    private final Options options;
    private final Path root;
    private final Path runDir;
    private final Instant started = Instant.now();
    private final Map<String, JavaProcess> services = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private KafkaBroker broker;
    private String bootstrapServers;
    private LocalPostgres postgres;
    private OidcProvider oidc;

    private LocalSystem(Options options) {
        this.options = options;
        this.root = options.root();
        this.runDir = options.runDir();
    }

    static Path keyDir(Path root) {
        return root.resolve(".run").resolve("keys");
    }

    public static LocalSystem start(Options options) {
        try {
            Files.createDirectories(options.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalSystem system = new LocalSystem(options);
        try {
            system.startInfrastructure();
            system.startServices();
        } catch (RuntimeException e) {
            system.stop();
            throw e;
        }
        return system;
    }

    private void startInfrastructure() {
        say("run directory " + runDir + " (all logs are here)");
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (options.tls() != null) {
            Map<String, String> users = new LinkedHashMap<>();
            options.services().forEach(s -> users.put(s.name(), TlsMaterial.randomPassword()));
            broker = KafkaBroker.startTls(runDir, options.tls(), users);
            bootstrapServers = broker.bootstrapServers();
            say("Kafka: broker " + bootstrapServers + " (KRaft, SASL_SSL only, pid " + broker.pid() + ")");
        } else if (external != null && !external.isBlank()) {
            bootstrapServers = external;
            KafkaBroker.ensureTopics(bootstrapServers, Topics.ALL);
            say("Kafka: using " + bootstrapServers + " (KAFKA_BOOTSTRAP_SERVERS)");
        } else {
            broker = KafkaBroker.start(runDir);
            bootstrapServers = broker.bootstrapServers();
            say("Kafka: broker " + bootstrapServers + " (KRaft, pid " + broker.pid() + ")");
        }
        postgres = options.tls() != null ? LocalPostgres.startEmbeddedTls(runDir, options.tls())
                : options.embeddedPostgres() ? LocalPostgres.startEmbedded(runDir) : LocalPostgres.start(runDir);
        say("PostgreSQL: 127.0.0.1:" + postgres.port() + (postgres.isEmbedded() ? " (embedded)" : " (local server)")
                + (postgres.isTls() ? ", TLS only" : ""));
        oidc = OidcProvider.start(TokenIssuer.local(keyDir(root)), options.oidcPort(), options.tls());
        say("OIDC provider: " + oidc.url() + " (issuer " + TokenIssuer.LOCAL_ISSUER + ")");
    }

    private void startServices() {
        for (Service service : options.services()) {
            // A fresh database per run: the broker is new too, so the projections start from the same empty past.
            LocalPostgres.Database db = postgres.database(service.database(), service.name().replace("-", "_"), true);
            services.put(service.name(), launch(service, db));
        }
        for (Service service : options.services()) {
            awaitReady(service, services.get(service.name()));
        }
    }

    private JavaProcess launch(Service service, LocalPostgres.Database db) {
        Path app = root.resolve(service.name()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: build with mvn -DskipTests install");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core), most of it never returned.
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidc.url());
        if (options.tls() != null) {
            // as deploy/ configures them (platform-config): SCRAM over TLS, the CA as a PEM file
            env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
            env.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            env.put("KAFKA_SASL_JAAS_CONFIG", broker.clientProperties(service.name()).get("sasl.jaas.config"));
            env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", options.tls().caCertificate().toString());
            // a named TLS configuration "oidc" (Quarkus' TLS registry) trusting only the CA, used by the OIDC client
            env.put("QUARKUS_TLS__OIDC__TRUST_STORE_PEM_CERTS", options.tls().caCertificate().toString());
            env.put("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME", "oidc");
        }
        // One machine, three services: each its own management port instead of the shared default 9000.
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(service.managementPort()));
        env.putAll(options.serviceEnv());
        return startService(service.name(), app, env, runDir.resolve(service.name() + ".log"));
    }

    /**
     * Starts a packaged service (its quarkus-run.jar) on the JVM {@link ServiceJvm} picks, with
     * {@link #SERVICE_JVM_OPTIONS} and, on JDK 25, its AOT cache (trained by the first run after packaging).
     */
    public static JavaProcess startService(String name, Path app, Map<String, String> env, Path log) {
        Path home = ServiceJvm.javaHome();
        ServiceJvm.Options jvm = ServiceJvm.options(home, app, SERVICE_JVM_OPTIONS);
        JavaProcess process = JavaProcess.start(name, ServiceJvm.java(home), app.toString(), jvm.jvmOptions(),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), env, log);
        process.onExit(jvm::adoptTraining);
        return process;
    }

    /** Kills a service with SIGKILL, as a crash would, for fault tests. */
    public void killService(String name) {
        services.get(name).kill();
    }

    /** Stops a service with SIGTERM (its shutdown hooks run), waiting up to {@code graceSeconds} before SIGKILL. */
    public void stopService(String name, long graceSeconds) {
        services.get(name).stop(graceSeconds);
    }

    /** Starts a stopped or killed service again on its port and database, and waits until it is ready. */
    public void restartService(String name) {
        Service service = service(name);
        services.get(name).stop(20);
        LocalPostgres.Database db = postgres.database(service.database(), service.name().replace("-", "_"), false);
        services.put(name, launch(service, db));
        awaitReady(service, services.get(name));
    }

    public KafkaBroker broker() {
        return broker;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    private void awaitReady(Service service, JavaProcess process) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited during start-up; see " + process.log()
                        + "; it ended with:\n" + process.logTail(40));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    say(service.name() + ": ready at " + service.url() + " (pid " + process.pid() + ")");
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(service.name() + " not ready after 180 s; see " + process.log()
                + "; its last lines:\n" + process.logTail(40));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public TokenIssuer tokens() {
        return oidc.issuer();
    }

    /** The local OIDC provider (its sign-in page is where browsers sign in). */
    public OidcProvider oidc() {
        return oidc;
    }

    public Service service(String name) {
        return options.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    void printSummary() {
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        System.out.println();
        System.out.println("Probation Inspection Platform is running (ready in " + seconds + " s). Ctrl-C stops everything.");
        for (Service service : options.services()) {
            System.out.printf("  %-17s %s   API docs %s/q/swagger-ui   health %s/q/health/ready   metrics %s/q/metrics%n",
                    service.name(), service.url(), service.managementUrl(), service.managementUrl(), service.managementUrl());
        }
        System.out.println("  Kafka             " + bootstrapServers);
        System.out.println("  OIDC provider     " + oidc.url() + "/.well-known/openid-configuration");
        System.out.println("  logs              " + runDir);
        System.out.println();
        System.out.println("In a browser (sign in on the local provider's page by choosing a person; no password):");
        for (Service service : options.services()) {
            if (service.name().equals("case-service")) {
                System.out.println("  workspace         " + service.url() + "/workspace/");
            } else if (service.name().equals("rating-service")) {
                System.out.println("  region dashboard  " + service.url() + "/dashboard/");
            }
        }
        System.out.println("  sign in as        " + LocalPeople.ALL.get(0).describe());
        for (LocalPeople.Person person : LocalPeople.ALL.subList(1, LocalPeople.ALL.size())) {
            System.out.println("                    " + person.describe());
        }
        System.out.println();
        System.out.println("Get a token:  TOKEN=$(./run token lead-inspector --user lena)");
        System.out.println("Try:          curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8081/frameworks");
        System.out.flush();
    }

    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops services first (they flush to Kafka and PostgreSQL), then the infrastructure. Idempotent. */
    public synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        System.out.println("Stopping...");
        services.values().parallelStream().forEach(p -> p.stop(20));
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (oidc != null) {
            oidc.close();
        }
        System.out.println("Stopped.");
        stopped.countDown();
    }

    static void say(String line) {
        System.out.println("[run] " + line);
        System.out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
