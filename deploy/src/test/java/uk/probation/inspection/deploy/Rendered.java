package uk.probation.inspection.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import uk.probation.inspection.deploy.certmanager.CertManagerCertificate;
import uk.probation.inspection.deploy.certmanager.CertManagerIssuer;
import uk.probation.inspection.deploy.cnpg.BarmanObjectStore;
import uk.probation.inspection.deploy.cnpg.CnpgCluster;
import uk.probation.inspection.deploy.cnpg.CnpgScheduledBackup;

/** One overlay rendered by kubectl kustomize and parsed, document by document, into typed models. */
final class Rendered {

    /** Every kind the manifests may contain, by apiVersion/kind; anything else fails the test. */
    static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CnpgCluster.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", CnpgScheduledBackup.class),
            Map.entry("barmancloud.cnpg.io/v1/ObjectStore", BarmanObjectStore.class),
            Map.entry("cert-manager.io/v1/Certificate", CertManagerCertificate.class),
            Map.entry("cert-manager.io/v1/Issuer", CertManagerIssuer.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private static final Map<String, Rendered> CACHE = new LinkedHashMap<>();

    final String overlay;
    final String yaml;
    final List<Object> objects = new ArrayList<>();

    private Rendered(String overlay, String yaml) {
        this.overlay = overlay;
        this.yaml = yaml;
    }

    static synchronized Rendered of(Path kubectl, String overlay) {
        return CACHE.computeIfAbsent(overlay, o -> parse(o, Kubectl.kustomize(kubectl, Paths.overlay(o))));
    }

    static Rendered parse(String overlay, String yaml) {
        Rendered rendered = new Rendered(overlay, yaml);
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .readValues(yaml)) {
            int index = 0;
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                index++;
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                String name = doc.path("metadata").path("name").asText();
                String where = overlay + " document " + index + " (" + key + " " + name + ")";
                Class<?> type = KINDS.get(key);
                if (type == null) {
                    problems.add(where + ": kind not known to the test (add a typed model to Rendered.KINDS)");
                    continue;
                }
                if (!ids.add(key + "/" + doc.path("metadata").path("namespace").asText() + "/" + name)) {
                    problems.add(where + ": defined twice");
                }
                try {
                    rendered.objects.add(StrictModel.parse(doc, type, where));
                } catch (AssertionError e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(overlay + ": rendered YAML does not parse: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(overlay + ":\n" + String.join("\n", problems));
        }
        return rendered;
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(meta(o).getName())).findFirst();
    }

    <T> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(
                () -> new AssertionError(overlay + ": no " + type.getSimpleName() + " named " + name));
    }

    /** The ConfigMap or Secret a generator created from {@code base} (kustomize adds a hash suffix). */
    <T> Optional<T> findGenerated(Class<T> type, String base) {
        return all(type).stream()
                .filter(o -> meta(o).getName().equals(base) || meta(o).getName().matches(base + "-[a-z0-9]{10}"))
                .findFirst();
    }

    static ObjectMeta meta(Object o) {
        if (o instanceof HasMetadata h) {
            return h.getMetadata();
        }
        if (o instanceof CnpgCluster c) {
            return c.metadata();
        }
        if (o instanceof CnpgScheduledBackup b) {
            return b.metadata();
        }
        if (o instanceof BarmanObjectStore s) {
            return s.metadata();
        }
        if (o instanceof CertManagerCertificate c) {
            return c.metadata();
        }
        if (o instanceof CertManagerIssuer i) {
            return i.metadata();
        }
        throw new IllegalArgumentException("no metadata on " + o.getClass());
    }

    static String describe(Object o) {
        return o.getClass().getSimpleName() + " " + meta(o).getName();
    }

    <T, K> Map<K, T> index(Class<T> type, Function<T, K> key) {
        Map<K, T> map = new LinkedHashMap<>();
        all(type).forEach(o -> map.put(key.apply(o), o));
        return map;
    }

    /** The namespace every namespaced object of the overlay is in. */
    String namespace() {
        return all(Namespace.class).stream().findFirst().map(n -> n.getMetadata().getName())
                .orElseThrow(() -> new AssertionError(overlay + ": defines no Namespace"));
    }
}
