package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.probation.inspection.deploy.Facts.ServiceFacts;
import uk.probation.inspection.deploy.Pods.Pod;

/**
 * Each service reaches only its own database, the Kafka brokers, the identity provider and DNS;
 * its database accepts only it; the ingress controller and Prometheus reach what they need.
 * Evaluated on the pods the overlay leads to (see {@link Pods}), on both sides of each connection.
 */
class NetworkPolicyTest {

    static final Pod INGRESS_CONTROLLER = Pods.external("ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    static final Pod PROMETHEUS = Pods.external("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    static final Pod DNS = Pods.external("kube-system", Map.of("k8s-app", "kube-dns"));
    static final Pod ELSEWHERE = Pods.external("somewhere-else", Map.of("app", "anything"));

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesReachOnlyTheirDatabaseKafkaAndTheIdentityProvider(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<Pod> pods = Pods.of(r);
        NetworkPolicies np = NetworkPolicies.of(r);
        List<String> problems = new ArrayList<>();
        String kafka = KafkaTest.kafka(r).getMetadata().getName();
        List<Pod> brokers = pods.stream().filter(p -> kafka.equals(p.labels().get("strimzi.io/cluster"))
                && "true".equals(p.labels().get("strimzi.io/broker-role"))).toList();
        assertTrue(!brokers.isEmpty(), overlay + ": no broker pods");
        Pod keycloak = pod(pods, "Deployment keycloak");

        for (ServiceFacts s : Facts.SERVICES) {
            Pod self = pod(pods, "Deployment " + s.name());
            expect(problems, np, self, pod(pods, "CloudNativePG " + s.cluster() + " primary"), 5432, true);
            expect(problems, np, self, pod(pods, "CloudNativePG " + s.cluster() + " replica"), 5432, true);
            for (Pod broker : brokers) {
                expect(problems, np, self, broker, kafkaPort(r, s), true);
            }
            expect(problems, np, self, keycloak, keycloak.port("https"), true);
            expect(problems, np, self, DNS, 53, true);
            expect(problems, np, INGRESS_CONTROLLER, self, Facts.HTTPS_PORT, true);
            expect(problems, np, INGRESS_CONTROLLER, self, s.httpPort(), false);
            expect(problems, np, PROMETHEUS, self, Facts.MANAGEMENT_PORT, true);
            // and nothing else
            expect(problems, np, INGRESS_CONTROLLER, self, Facts.MANAGEMENT_PORT, false);
            expect(problems, np, self, ELSEWHERE, 443, false);
            expect(problems, np, self, ELSEWHERE, 80, false);
            expect(problems, np, ELSEWHERE, self, Facts.HTTPS_PORT, false);
            // defence in depth: both the caller's egress and the callee's ingress must refuse
            for (ServiceFacts other : Facts.SERVICES) {
                if (other != s) {
                    isolated(problems, np, self, pod(pods, "CloudNativePG " + other.cluster() + " primary"), 5432);
                    isolated(problems, np, self, pod(pods, "Deployment " + other.name()), Facts.HTTPS_PORT);
                }
            }
            isolated(problems, np, self, pod(pods, "CloudNativePG keycloak-db primary"), 5432);
            isolated(problems, np, keycloak, pod(pods, "CloudNativePG " + s.cluster() + " primary"), 5432);
        }
        expect(problems, np, keycloak, pod(pods, "CloudNativePG keycloak-db primary"), 5432, true);
        expect(problems, np, INGRESS_CONTROLLER, keycloak, keycloak.port("https"), true);
        expect(problems, np, ELSEWHERE, keycloak, keycloak.port("https"), false);
        ReferencesTest.assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void databasesAcceptTheirOperatorAndReplicas(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<Pod> pods = Pods.of(r);
        NetworkPolicies np = NetworkPolicies.of(r);
        Pod operator = Pods.external("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
        List<String> problems = new ArrayList<>();
        for (var c : r.all(uk.probation.inspection.deploy.cnpg.CnpgCluster.class)) {
            Pod primary = pod(pods, "CloudNativePG " + c.metadata().getName() + " primary");
            Pod replica = pod(pods, "CloudNativePG " + c.metadata().getName() + " replica");
            expect(problems, np, replica, primary, 5432, true);
            expect(problems, np, operator, primary, 8000, true);
            expect(problems, np, PROMETHEUS, primary, 9187, true);
        }
        ReferencesTest.assertNoProblems(problems);
    }

    /**
     * Default deny: every pod the overlay leads to (Deployments and the operators' pods) is selected by a policy of
     * both types with no rule at all, so whatever the allowances do not name is refused, in and out.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPodIsCoveredByADefaultDenyPolicy(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<NetworkPolicy> denyAll = r.all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getPolicyTypes() != null
                        && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")))
                .filter(p -> (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty())
                        && (p.getSpec().getEgress() == null || p.getSpec().getEgress().isEmpty()))
                .toList();
        List<String> problems = new ArrayList<>();
        for (Pod pod : Pods.of(r)) {
            if (denyAll.stream().noneMatch(p -> Selectors.matches(p.getSpec().getPodSelector(), pod.labels()))) {
                problems.add(overlay + ": " + pod.owner() + " is not selected by a default-deny NetworkPolicy");
            }
        }
        // and such a policy selects everything, so a pod added later is covered too
        if (denyAll.stream().noneMatch(p -> Selectors.matches(p.getSpec().getPodSelector(), Map.of("any", "pod")))) {
            problems.add(overlay + ": no default-deny NetworkPolicy with an empty podSelector (every pod)");
        }
        ReferencesTest.assertNoProblems(problems);
    }

    /** Under default deny the operators' pods keep exactly what they need: each other, DNS, the API, Prometheus. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void operatorPodsKeepWhatTheyNeedUnderDefaultDeny(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<Pod> pods = Pods.of(r);
        NetworkPolicies np = NetworkPolicies.of(r);
        List<String> problems = new ArrayList<>();
        Pod apiServer = Pods.external("default", Map.of("component", "apiserver"));
        Pod clusterOperator = Pods.external("strimzi", Map.of("strimzi.io/kind", "cluster-operator"));
        String kafka = KafkaTest.kafka(r).getMetadata().getName();
        List<Pod> kafkaNodes = pods.stream().filter(p -> (kafka + "-kafka").equals(p.labels().get("strimzi.io/name")))
                .toList();
        Pod entityOperator = pod(pods, "Kafka " + kafka + " entity operator");
        Pod exporter = pod(pods, "Kafka " + kafka + " exporter");
        for (Pod node : kafkaNodes) {
            for (Pod other : kafkaNodes) {
                expect(problems, np, node, other, 9090, true);
                expect(problems, np, node, other, 9091, true);
            }
            expect(problems, np, entityOperator, node, 9091, true);
            expect(problems, np, exporter, node, 9091, true);
            expect(problems, np, clusterOperator, node, 9091, true);
            expect(problems, np, PROMETHEUS, node, 9404, true);
            expect(problems, np, node, DNS, 53, true);
            expect(problems, np, ELSEWHERE, node, 9091, false);
            expect(problems, np, node, ELSEWHERE, 80, false);
        }
        expect(problems, np, entityOperator, apiServer, 443, true);
        expect(problems, np, PROMETHEUS, exporter, 9404, true);
        expect(problems, np, exporter, DNS, 53, true);
        for (var c : r.all(uk.probation.inspection.deploy.cnpg.CnpgCluster.class)) {
            Pod primary = pod(pods, "CloudNativePG " + c.metadata().getName() + " primary");
            Pod replica = pod(pods, "CloudNativePG " + c.metadata().getName() + " replica");
            expect(problems, np, primary, apiServer, 443, true);
            expect(problems, np, primary, DNS, 53, true);
            expect(problems, np, replica, primary, 5432, true);
            expect(problems, np, ELSEWHERE, primary, 5432, false);
            expect(problems, np, primary, ELSEWHERE, 80, false);
        }
        Pod keycloak = pod(pods, "Deployment keycloak");
        expect(problems, np, PROMETHEUS, keycloak, keycloak.port("management"), true);
        expect(problems, np, keycloak, DNS, 53, true);
        expect(problems, np, keycloak, ELSEWHERE, 443, false);
        ReferencesTest.assertNoProblems(problems);
    }

    private static void expect(List<String> problems, NetworkPolicies np, Pod from, Pod to, int port, boolean allowed) {
        if (np.allowed(from, to, port) != allowed) {
            problems.add((allowed ? "blocked: " : "allowed: ") + from.owner() + " -> " + to.owner() + " port " + port);
        }
    }

    private static void isolated(List<String> problems, NetworkPolicies np, Pod from, Pod to, int port) {
        if (np.egressAllowed(from, to, port)) {
            problems.add("egress allows: " + from.owner() + " -> " + to.owner() + " port " + port);
        }
        if (np.ingressAllowed(from, to, port)) {
            problems.add("ingress allows: " + from.owner() + " -> " + to.owner() + " port " + port);
        }
    }

    /** The port of the service's KAFKA_BOOTSTRAP_SERVERS. */
    static int kafkaPort(Rendered r, ServiceFacts s) {
        var env = Overlays.env(r, Overlays.container(r.get(io.fabric8.kubernetes.api.model.apps.Deployment.class, s.name())));
        String bootstrap = Overlays.literal(env, "KAFKA_BOOTSTRAP_SERVERS", r.overlay + " " + s.name());
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    static Pod pod(List<Pod> pods, String owner) {
        return pods.stream().filter(p -> p.owner().equals(owner)).findFirst()
                .orElseThrow(() -> new AssertionError("no pod of " + owner));
    }

}
