package uk.probation.inspection.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.probation.inspection.deploy.Pods.Pod;

/** NetworkPolicy semantics (TCP, pod and namespace selectors), enough to ask "may A reach B on port P?". */
final class NetworkPolicies {

    private final List<NetworkPolicy> policies;
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    NetworkPolicies(List<NetworkPolicy> policies, Map<String, Map<String, String>> knownNamespaceLabels) {
        this.policies = policies;
        this.namespaceLabels.putAll(knownNamespaceLabels);
    }

    /**
     * The overlay's policies, the namespace labels it defines, and the ingress policy Strimzi generates for the
     * broker pods (its cluster operator does, from each listener's networkPolicyPeers), as Strimzi 0.49 writes it:
     * control plane 9090 from the cluster's Kafka pods; replication 9091 from those, the entity operator, the Kafka
     * Exporter and the cluster operator; each listener's port from its peers (everyone when it has none);
     * the metrics port 9404 from everyone.
     */
    static NetworkPolicies of(Rendered r) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        for (Namespace n : r.all(Namespace.class)) {
            labels.put(n.getMetadata().getName(), n.getMetadata().getLabels());
        }
        List<NetworkPolicy> all = new ArrayList<>(r.all(NetworkPolicy.class));
        for (Kafka kafka : r.all(Kafka.class)) {
            all.add(strimziGenerated(r.namespace(), kafka));
        }
        return new NetworkPolicies(all, labels);
    }

    static NetworkPolicy strimziGenerated(String namespace, Kafka kafka) {
        String cluster = kafka.getMetadata().getName();
        NetworkPolicyPeer kafkaPods = peer(Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", cluster + "-kafka"));
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        rules.add(rule(9090, List.of(kafkaPods)));
        rules.add(rule(9091, List.of(kafkaPods,
                peer(Map.of("strimzi.io/name", cluster + "-entity-operator")),
                peer(Map.of("strimzi.io/name", cluster + "-kafka-exporter")),
                new NetworkPolicyPeerBuilder().withNewNamespaceSelector().endNamespaceSelector()
                        .withNewPodSelector().withMatchLabels(Map.of("strimzi.io/kind", "cluster-operator"))
                        .endPodSelector().build())));
        for (GenericKafkaListener l : kafka.getSpec().getKafka().getListeners()) {
            List<NetworkPolicyPeer> peers = l.getNetworkPolicyPeers() == null ? List.of() : l.getNetworkPolicyPeers();
            rules.add(rule(l.getPort(), peers));
        }
        if (kafka.getSpec().getKafka().getMetricsConfig() != null) {
            rules.add(rule(9404, List.of()));
        }
        return new NetworkPolicyBuilder()
                .withNewMetadata().withName(cluster + "-network-policy-kafka").withNamespace(namespace).endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                        "strimzi.io/name", cluster + "-kafka")).endPodSelector()
                .withPolicyTypes("Ingress")
                .withIngress(rules)
                .endSpec().build();
    }

    private static NetworkPolicyPeer peer(Map<String, String> labels) {
        return new NetworkPolicyPeerBuilder().withNewPodSelector().withMatchLabels(labels).endPodSelector().build();
    }

    private static NetworkPolicyIngressRule rule(int port, List<NetworkPolicyPeer> from) {
        return new NetworkPolicyIngressRuleBuilder().withFrom(from)
                .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(port)).build())
                .build();
    }

    boolean allowed(Pod from, Pod to, int port) {
        return egressAllowed(from, to, port) && ingressAllowed(from, to, port);
    }

    boolean egressAllowed(Pod from, Pod to, int port) {
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy p : selecting) {
            for (NetworkPolicyEgressRule rule : nullSafe(p.getSpec().getEgress())) {
                if (peers(rule.getTo(), to, p) && ports(rule.getPorts(), to, port)) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean ingressAllowed(Pod from, Pod to, int port) {
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy p : selecting) {
            for (NetworkPolicyIngressRule rule : nullSafe(p.getSpec().getIngress())) {
                if (peers(rule.getFrom(), from, p) && ports(rule.getPorts(), to, port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<NetworkPolicy> selecting(Pod pod, String type) {
        return policies.stream()
                .filter(p -> pod.namespace().equals(p.getMetadata().getNamespace()))
                .filter(p -> Selectors.matches(p.getSpec().getPodSelector(), pod.labels()))
                .filter(p -> types(p).contains(type))
                .toList();
    }

    private static List<String> types(NetworkPolicy p) {
        if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
            return p.getSpec().getPolicyTypes();
        }
        return p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty()
                ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private boolean peers(List<NetworkPolicyPeer> peers, Pod other, NetworkPolicy policy) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                // pod addresses are unknown here: assume an ipBlock may reach any pod (pessimistic)
                return true;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? other.namespace().equals(policy.getMetadata().getNamespace())
                    : Selectors.matches(peer.getNamespaceSelector(), labelsOf(other.namespace()));
            boolean podOk = peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), other.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> labelsOf(String namespace) {
        Map<String, String> labels = new HashMap<>(namespaceLabels.getOrDefault(namespace, Map.of()));
        labels.put("kubernetes.io/metadata.name", namespace);
        return labels;
    }

    private static boolean ports(List<NetworkPolicyPort> ports, Pod to, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            if (p.getProtocol() != null && !"TCP".equals(p.getProtocol())) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            Integer number = value.getIntVal() != null ? value.getIntVal() : to.ports().get(value.getStrVal());
            if (number == null) {
                continue;
            }
            int end = p.getEndPort() != null ? p.getEndPort() : number;
            if (port >= number && port <= end) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
