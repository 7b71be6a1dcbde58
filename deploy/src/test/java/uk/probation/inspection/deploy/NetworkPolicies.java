package uk.probation.inspection.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
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
