package uk.probation.inspection.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link KafkaBroker}'s clients connect: the default loopback PLAINTEXT listener without authentication, or,
 * as on Kubernetes (Strimzi's TLS listener with SCRAM-SHA-512), one SASL_SSL listener and its SCRAM users. The
 * controller listener is PLAINTEXT on loopback either way.
 */
final class BrokerSecurity {

    /** No TLS, no users. */
    static final BrokerSecurity PLAINTEXT = new BrokerSecurity(null, Map.of());

    /** TLS and SCRAM users, or null for PLAINTEXT without authentication. */
    private final TlsMaterial tls;
    private final Map<String, String> scramUsers;

    private BrokerSecurity(TlsMaterial tls, Map<String, String> scramUsers) {
        this.tls = tls;
        this.scramUsers = scramUsers;
    }

    /** SASL_SSL serving {@code tls}'s server certificate; {@code users} (name to password) and the broker's own admin. */
    static BrokerSecurity saslSsl(TlsMaterial tls, Map<String, String> users) {
        Map<String, String> all = new LinkedHashMap<>(users);
        all.put(KafkaBroker.ADMIN_USER, TlsMaterial.randomPassword());
        return new BrokerSecurity(tls, Map.copyOf(all));
    }

    boolean isTls() {
        return tls != null;
    }

    /** What a client logging in as {@code user} needs besides bootstrap.servers (nothing without TLS). */
    Map<String, String> clientProperties(String user) {
        if (tls == null) {
            return Map.of();
        }
        String password = scramUsers.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no SCRAM user " + user);
        }
        return Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas(user, password),
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", tls.caCertificate().toString());
    }

    /** The broker's own admin client's properties. */
    Map<String, String> adminProperties() {
        return tls == null ? Map.of() : clientProperties(KafkaBroker.ADMIN_USER);
    }

    /** kafka-storage format arguments that write the SCRAM credentials of every user. */
    List<String> formatArguments() {
        List<String> args = new ArrayList<>();
        scramUsers.forEach((user, password) -> {
            args.add("--add-scram");
            args.add("SCRAM-SHA-512=[name=" + user + ",password=" + password + "]");
        });
        return args;
    }

    /** The listener lines of server.properties for a client {@code port} and a {@code controllerPort}. */
    String listenerProperties(int port, int controllerPort) {
        if (tls == null) {
            return String.join("\n",
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        }
        // One client listener, SASL_SSL with SCRAM-SHA-512 (the broker's own connections too); the controller's
        // listener is on loopback only.
        return String.join("\n",
                "listeners=SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=SASL_SSL://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=SASL_SSL",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL",
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config="
                        + jaas(KafkaBroker.ADMIN_USER, scramUsers.get(KafkaBroker.ADMIN_USER)),
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + tls.serverKeyStore(),
                "ssl.keystore.password=" + tls.password(),
                "ssl.truststore.type=PEM",
                "ssl.truststore.location=" + tls.caCertificate());
    }

    /** The JAAS line of a SCRAM login, as Strimzi puts it into a KafkaUser's Secret (key sasl.jaas.config). */
    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }
}
