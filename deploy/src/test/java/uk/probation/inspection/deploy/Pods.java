package uk.probation.inspection.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.probation.inspection.deploy.cnpg.CnpgCluster;

/**
 * The pods an overlay leads to: those of its Deployments, and those the operators create, with
 * the labels and ports CloudNativePG and Strimzi give them. Selectors and NetworkPolicies are
 * checked against these.
 */
final class Pods {

    /** A pod: who creates it, namespace, labels, named ports. */
    record Pod(String owner, String namespace, Map<String, String> labels, Map<String, Integer> ports) {
        int port(String name) {
            Integer p = ports.get(name);
            if (p == null) {
                throw new AssertionError(owner + " has no port named " + name);
            }
            return p;
        }
    }

    private Pods() {
    }

    static List<Pod> of(Rendered r) {
        String ns = r.namespace();
        List<Pod> pods = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            pods.add(new Pod("Deployment " + d.getMetadata().getName(), ns,
                    d.getSpec().getTemplate().getMetadata().getLabels(), ports(d)));
        }
        for (CnpgCluster c : r.all(CnpgCluster.class)) {
            String name = c.metadata().getName();
            for (String role : List.of("primary", "replica")) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("cnpg.io/cluster", name);
                labels.put("cnpg.io/podRole", "instance");
                labels.put("cnpg.io/instanceRole", role);
                labels.put("role", role);
                pods.add(new Pod("CloudNativePG " + name + " " + role, ns, labels,
                        Map.of("postgresql", 5432, "metrics", 9187, "status", 8000)));
            }
        }
        for (Kafka k : r.all(Kafka.class)) {
            String cluster = k.getMetadata().getName();
            Map<String, Integer> listenerPorts = new HashMap<>();
            for (GenericKafkaListener l : k.getSpec().getKafka().getListeners()) {
                listenerPorts.put("tcp-" + l.getName(), l.getPort());
            }
            listenerPorts.put("tcp-ctrlplane", 9090);
            listenerPorts.put("tcp-replication", 9091);
            if (k.getSpec().getKafka().getMetricsConfig() != null) {
                listenerPorts.put("tcp-prometheus", 9404);
            }
            for (KafkaNodePool pool : r.all(KafkaNodePool.class)) {
                if (!cluster.equals(pool.getMetadata().getLabels().get("strimzi.io/cluster"))) {
                    continue;
                }
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("strimzi.io/cluster", cluster);
                labels.put("strimzi.io/kind", "Kafka");
                labels.put("strimzi.io/name", cluster + "-kafka");
                labels.put("strimzi.io/pool-name", pool.getMetadata().getName());
                labels.put("strimzi.io/broker-role",
                        String.valueOf(pool.getSpec().getRoles().contains(ProcessRoles.BROKER)));
                labels.put("strimzi.io/controller-role",
                        String.valueOf(pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)));
                pods.add(new Pod("Kafka " + cluster + " pool " + pool.getMetadata().getName(), ns, labels,
                        listenerPorts));
            }
            pods.add(new Pod("Kafka " + cluster + " entity operator", ns, Map.of("strimzi.io/cluster", cluster,
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-entity-operator"), Map.of()));
            if (k.getSpec().getKafkaExporter() != null) {
                pods.add(new Pod("Kafka " + cluster + " exporter", ns, Map.of("strimzi.io/cluster", cluster,
                        "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka-exporter"),
                        Map.of("tcp-prometheus", 9404)));
            }
        }
        return pods;
    }

    static Map<String, Integer> ports(Deployment d) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
            if (c.getPorts() != null) {
                for (ContainerPort p : c.getPorts()) {
                    if (p.getName() != null) {
                        ports.put(p.getName(), p.getContainerPort());
                    }
                }
            }
        }
        return ports;
    }

    /** Pods outside the overlay that policies talk about. */
    static Pod external(String namespace, Map<String, String> labels) {
        return new Pod("external pod in " + namespace + " " + labels, namespace, labels, Map.of());
    }
}
