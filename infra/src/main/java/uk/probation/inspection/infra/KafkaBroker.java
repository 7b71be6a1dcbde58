package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Apache Kafka broker (KRaft: broker and controller in one JVM), run as its own process
 * from the Maven Central artifacts. Used by ./run, by every test JVM, by the fault-injection suite.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private final BrokerSecurity security;
    private volatile JavaProcess process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, BrokerSecurity security) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = dataDir.resolve("kafka.log");
        this.security = security;
    }

    /** Formats a new data directory under {@code workDir}, starts the broker, waits until it serves, creates the topics. */
    public static KafkaBroker start(Path workDir) {
        KafkaBroker broker = new KafkaBroker(workDir.resolve("kafka"), Ports.free(), Ports.free(),
                BrokerSecurity.PLAINTEXT);
        broker.format();
        broker.launch();
        broker.createTopics(Topics.ALL);
        return broker;
    }

    /** The SCRAM user the broker itself (and this class's admin client) logs in as on a TLS listener. */
    public static final String ADMIN_USER = "broker-admin";

    /**
     * Like {@link #start}, but the only client listener is SASL_SSL, as on Kubernetes (Strimzi's TLS listener with
     * SCRAM-SHA-512): the broker serves {@code tls}'s server certificate, and clients log in as one of
     * {@code users} (name to password), whose SCRAM credentials are written when the storage is formatted. The
     * controller listener stays on loopback. No plaintext client listener exists.
     */
    public static KafkaBroker startTls(Path workDir, TlsMaterial tls, Map<String, String> users) {
        KafkaBroker broker = new KafkaBroker(workDir.resolve("kafka"), Ports.free(), Ports.free(),
                BrokerSecurity.saslSsl(tls, users));
        broker.format();
        broker.launch();
        broker.createTopics(Topics.ALL);
        return broker;
    }

    /**
     * What a client needs besides bootstrap.servers: nothing for the default broker; for a TLS broker the
     * protocol, mechanism and login of {@code user}, and the CA to trust (PEM).
     */
    public Map<String, String> clientProperties(String user) {
        return security.clientProperties(user);
    }

    /** The JAAS line of a SCRAM login, as Strimzi puts it into a KafkaUser's Secret (key sasl.jaas.config). */
    public static String jaas(String user, String password) {
        return BrokerSecurity.jaas(user, password);
    }

    public boolean isTls() {
        return security.isTls();
    }

    /** Starts a broker again on the data directory and ports of an earlier {@link #start} (not {@link #startTls}). */
    public static KafkaBroker restart(Path workDir) {
        Path dataDir = workDir.resolve("kafka");
        Properties props = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("server.properties"))) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = Integer.parseInt(props.getProperty("advertised.listeners").replaceAll(".*:", ""));
        int controllerPort = Integer.parseInt(props.getProperty("controller.quorum.bootstrap.servers").replaceAll(".*:", ""));
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort, BrokerSecurity.PLAINTEXT);
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    private void format() {
        try {
            Dirs.deleteRecursively(dataDir); // start() means a new, empty broker: never a half-formatted leftover.
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve("server.properties"), serverProperties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new java.util.ArrayList<>(
                List.of("format", "--standalone", "-t", clusterId(), "-c", dataDir.resolve("server.properties").toString()));
        args.addAll(security.formatArguments());
        JavaProcess formatter = JavaProcess.start("kafka-format", brokerClasspath(), List.of("-Xmx128m"),
                "kafka.tools.StorageTool", args, Map.of(), dataDir.resolve("format.log"));
        if (formatter.awaitExit(60) != 0) {
            throw new IllegalStateException("formatting Kafka storage failed; see " + formatter.log());
        }
    }

    /** Starts (or restarts, after {@link #kill()}) the broker process on the same ports and data. */
    public void launch() {
        process = JavaProcess.start("kafka", brokerClasspath(),
                List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + writeLog4jConfig()),
                "kafka.Kafka", List.of(dataDir.resolve("server.properties").toString()), Map.of(), log);
        awaitReady(Duration.ofSeconds(90));
    }

    /** Crash: SIGKILL the broker, for fault tests. {@link #launch()} brings it back. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(20);
        }
    }

    public void createTopics(List<Topics.Topic> topics) {
        ensureTopics(bootstrapServers(), topics, security.adminProperties());
    }

    /** Creates the topics that do not exist yet on the broker at {@code bootstrapServers}. */
    public static void ensureTopics(String bootstrapServers, List<Topics.Topic> topics) {
        ensureTopics(bootstrapServers, topics, Map.of());
    }

    private static void ensureTopics(String bootstrapServers, List<Topics.Topic> topics, Map<String, String> client) {
        try (Admin admin = admin(bootstrapServers, client)) {
            for (Topics.Topic topic : topics) {
                NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.config());
                try {
                    admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic creation timed out", e);
        }
    }

    private Admin admin() {
        return admin(bootstrapServers(), security.adminProperties());
    }

    private static Admin admin(String bootstrapServers, Map<String, String> client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(props);
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited during start-up; see " + log + "; it ended with:\n"
                        + process.logTail(40));
            }
            if (Ports.answers("127.0.0.1", port)) {
                try (Admin admin = admin()) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // Listener is open but the controller has not elected itself yet.
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("Kafka broker not ready after " + timeout + "; see " + log);
    }

    private String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                security.listenerProperties(port, controllerPort),
                "log.dirs=" + dataDir.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.flush.interval.messages=9223372036854775807",
                // The active controller appends a no-op record to the metadata log this often (default 500 ms) so that
                // brokers see it alive; with one node in both roles that is idle work ten times a second for nobody.
                "metadata.max.idle.interval.ms=5000",
                "")
                + "\n";
    }

    private Path writeLog4jConfig() {
        Path config = dataDir.resolve("log4j2.properties");
        try {
            Files.writeString(config, String.join("\n",
                    "status=warn",
                    "appender.out.type=Console",
                    "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=[%d] %p %m (%c{1})%n",
                    "rootLogger.level=INFO",
                    "rootLogger.appenderRef.out.ref=out",
                    "logger.kafka.name=kafka",
                    "logger.kafka.level=WARN",
                    "logger.state.name=state.change.logger",
                    "logger.state.level=WARN",
                    "logger.kserver.name=kafka.server.KafkaRaftServer",
                    "logger.kserver.level=INFO",
                    "logger.apache.name=org.apache.kafka",
                    "logger.apache.level=WARN",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    static String clusterId() {
        // KRaft cluster ids are 16 random bytes in URL-safe base64 without padding. One in 64 starts with '-',
        // which kafka-storage's argument parser takes for an option ("--cluster-id: expected one argument"):
        // drawn again, as Kafka's own Uuid.randomUuid() does.
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build the infra module with Maven");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<String> missing = java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
                    .filter(entry -> !Files.exists(Path.of(entry))).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Kafka jars missing from the Maven repository: " + missing
                        + "; run mvn install (or mvn -pl infra dependency:resolve)");
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
