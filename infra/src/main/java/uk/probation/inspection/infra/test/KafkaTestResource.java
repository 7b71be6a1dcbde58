package uk.probation.inspection.infra.test;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.probation.inspection.infra.KafkaBroker;
import uk.probation.inspection.infra.Ports;

/**
 * One real Kafka broker per test JVM. Quarkus reloads test-resource classes for every test profile, so the
 * broker is found again through system properties, never a static field. It stops when the JVM exits.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    static final String BOOTSTRAP = "pip.test.kafka.bootstrap";
    static final String DIR = "pip.test.kafka.dir";

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    /** The broker's address, starting it on first use (or using KAFKA_BOOTSTRAP_SERVERS when set). */
    public static synchronized String bootstrapServers() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            KafkaBroker.ensureTopics(external, uk.probation.inspection.infra.Topics.ALL);
            return external;
        }
        String running = System.getProperty(BOOTSTRAP);
        if (running != null) {
            return running;
        }
        Path dir = Path.of("target", "test-kafka-" + ProcessHandle.current().pid()).toAbsolutePath();
        KafkaBroker broker = KafkaBroker.start(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-test-kafka"));
        System.setProperty(BOOTSTRAP, broker.bootstrapServers());
        System.setProperty(DIR, dir.toString());
        System.setProperty("pip.test.kafka.pid", Long.toString(broker.pid()));
        System.out.println("[test-infra] real Kafka broker " + broker.bootstrapServers() + " pid " + broker.pid()
                + " (" + broker.log() + ")");
        return broker.bootstrapServers();
    }

    /** Kills the test broker with SIGKILL, as a crash would. */
    public static void killBroker() {
        long pid = Long.parseLong(System.getProperty("pip.test.kafka.pid"));
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    /** Starts the broker again on the same port and data after {@link #killBroker()}. */
    public static void restartBroker() {
        KafkaBroker broker = KafkaBroker.restart(Path.of(System.getProperty(DIR)));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-test-kafka"));
        System.setProperty("pip.test.kafka.pid", Long.toString(broker.pid()));
    }

    public static boolean brokerAnswers() {
        String[] hostPort = System.getProperty(BOOTSTRAP).split(":");
        return Ports.answers(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM: restarting it per profile would cost seconds each time.
    }
}
