package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.probation.inspection.deploy.Facts.ServiceFacts;

/**
 * The manifests set the configuration the services read: every environment variable a manifest
 * sets is referenced in the service's application.properties or is a QUARKUS_* name Quarkus maps
 * itself; the topics, consumer groups and ports agree.
 */
class ServiceConfigurationTest {

    private static final Pattern CHANNEL = Pattern.compile("(?:%[\\w-]+\\.)?mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    /** What a service's configuration says it does with Kafka. */
    record KafkaUse(Set<String> reads, Set<String> writes, Set<String> groups, Set<String> mentioned) {
    }

    static Stream<Arguments> overlayAndService() {
        return Overlays.names().stream().flatMap(o -> Facts.SERVICES.stream().map(s -> Arguments.of(o, s.name())));
    }

    /** The service's application.properties; empty while the service module does not exist yet. */
    static Optional<Path> properties(String service) {
        Path file = Paths.applicationProperties(service);
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        if (Files.isDirectory(Paths.serviceModule(service))) {
            throw new AssertionError(service + " exists but has no " + file);
        }
        return Optional.empty();
    }

    static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A property value with ${ENV:default} expressions replaced by their defaults. */
    static String resolve(String value) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString().trim();
    }

    static Optional<KafkaUse> kafkaUse(String service) {
        return properties(service).map(file -> {
            Properties p = load(file);
            Set<String> reads = new HashSet<>();
            Set<String> writes = new HashSet<>();
            Set<String> groups = new HashSet<>();
            Set<String> mentioned = new HashSet<>();
            Set<String> incoming = new HashSet<>();
            Set<String> outgoing = new HashSet<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("%dev.") || key.startsWith("%test.")) {
                    continue;
                }
                String value = resolve(p.getProperty(key));
                Matcher m = CHANNEL.matcher(key);
                if (m.matches()) {
                    (m.group(1).equals("incoming") ? incoming : outgoing).add(m.group(2));
                    if (m.group(3).equals("topic")) {
                        (m.group(1).equals("incoming") ? reads : writes).add(value);
                    }
                }
                if (key.endsWith("group.id") || key.endsWith("group-id")) {
                    groups.add(value);
                }
                for (String topic : Facts.TOPICS) {
                    if (value.matches("(?s).*(?<![\\w-])" + Pattern.quote(topic) + "(?![\\w-]).*")) {
                        mentioned.add(topic);
                    }
                }
            }
            // a channel without a topic attribute uses its name as the topic
            for (String channel : incoming) {
                if (p.stringPropertyNames().stream().noneMatch(k -> k.endsWith("mp.messaging.incoming." + channel + ".topic"))) {
                    reads.add(channel);
                }
            }
            for (String channel : outgoing) {
                if (p.stringPropertyNames().stream().noneMatch(k -> k.endsWith("mp.messaging.outgoing." + channel + ".topic"))) {
                    writes.add(channel);
                }
            }
            return new KafkaUse(reads, writes, groups, mentioned);
        });
    }

    private static Path requireProperties(String service) {
        Optional<Path> file = properties(service);
        Assertions.assertTrue(file.isPresent(), "../" + service + "/src/main/resources/application.properties is missing: "
                + "the manifests cannot be compared with the service's configuration");
        return file.get();
    }

    /** SmallRye Config's environment name of a property: non-alphanumerics to '_', upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * An environment variable reaches the service when a property of the file refers to it in an
     * expression ({@code ${KAFKA_SASL_JAAS_CONFIG:}}), or when it is the environment name of a
     * property the file sets (SmallRye Config then reads it instead: KAFKA_BOOTSTRAP_SERVERS for
     * kafka.bootstrap.servers). QUARKUS_* names are Quarkus' own, unless they name a config group
     * whose property the file sets (QUARKUS_LOG_CONSOLE_JSON against quarkus.log.console.json.enabled).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayAndService")
    void everyEnvironmentVariableIsReadByTheService(String overlay, String service) {
        Rendered r = Overlays.render(overlay);
        Path file = requireProperties(service);
        Properties p = load(file);
        Set<String> expressions = new HashSet<>();
        Set<String> propertyEnvNames = new HashSet<>();
        for (String key : p.stringPropertyNames()) {
            String bare = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            propertyEnvNames.add(envName(bare));
            Matcher m = EXPRESSION.matcher(p.getProperty(key));
            while (m.find()) {
                expressions.add(m.group(1).trim());
            }
        }
        List<String> unread = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        Deployment d = r.get(Deployment.class, service);
        for (String name : Overlays.env(r, Overlays.container(d)).keySet()) {
            boolean read = expressions.contains(name) || propertyEnvNames.contains(name);
            if (name.startsWith("QUARKUS_")) {
                if (!read && propertyEnvNames.stream().anyMatch(e -> e.startsWith(name + "_"))) {
                    groups.add(name);
                }
            } else if (!read) {
                unread.add(name);
            }
        }
        assertTrue(unread.isEmpty(), overlay + " " + service + ": the manifests set " + unread + ", which "
                + file + " never reads");
        assertTrue(groups.isEmpty(), overlay + " " + service + ": " + groups + " name a configuration group, not "
                + "the property " + file + " sets");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayAndService")
    void topicsGroupsAndPortsAgree(String overlay, String service) {
        Overlays.render(overlay);
        Path file = requireProperties(service);
        ServiceFacts facts = Facts.service(service);
        KafkaUse use = kafkaUse(service).orElseThrow();
        Set<String> expected = new HashSet<>(facts.reads());
        expected.addAll(facts.writes());
        Set<String> used = new HashSet<>(use.mentioned());
        used.addAll(use.reads());
        used.addAll(use.writes());
        // topics may also be set in code: every topic the file names must be one the manifests grant
        assertTrue(expected.containsAll(used), service + ": " + file + " names topics " + used
                + ", the manifests grant only " + expected);
        assertTrue(facts.reads().containsAll(use.reads()), service + ": reads " + use.reads());
        assertTrue(facts.writes().containsAll(use.writes()), service + ": writes " + use.writes());
        assertTrue(facts.groups().containsAll(use.groups()), service + ": consumer groups " + use.groups()
                + " are not all granted by KafkaUser " + service);

        Properties p = load(file);
        String httpPort = value(p, "quarkus.http.port");
        if (httpPort != null) {
            assertEquals(String.valueOf(facts.httpPort()), httpPort, service + ": quarkus.http.port");
        }
        String managementPort = value(p, "quarkus.management.port");
        if (managementPort != null) {
            assertEquals(String.valueOf(Facts.MANAGEMENT_PORT), managementPort, service + ": quarkus.management.port");
        }
        assertEquals("true", value(p, "quarkus.management.enabled"),
                service + ": the probes and scraping need the management interface in the prod profile");
    }

    /** The value in the prod profile: %prod.key, else key. */
    private static String value(Properties p, String key) {
        String v = p.getProperty("%prod." + key, p.getProperty(key));
        return v == null ? null : resolve(v);
    }
}
