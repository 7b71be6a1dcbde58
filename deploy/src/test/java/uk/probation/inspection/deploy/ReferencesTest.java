package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.common.metrics.JmxPrometheusExporterMetrics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.probation.inspection.deploy.Pods.Pod;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import uk.probation.inspection.deploy.certmanager.CertManagerCertificate;
import uk.probation.inspection.deploy.certmanager.CertManagerIssuer;
import uk.probation.inspection.deploy.cnpg.BarmanObjectStore;
import uk.probation.inspection.deploy.cnpg.CnpgCluster;
import uk.probation.inspection.deploy.cnpg.CnpgScheduledBackup;

/**
 * Every overlay renders, parses into typed models without unknown fields, and holds no broken
 * reference: names (ConfigMaps, Secrets, ServiceAccounts, Services, Clusters, Kafka, ObjectStores),
 * selectors (Services, PodDisruptionBudgets, NetworkPolicies, spread constraints) and ports.
 */
class ReferencesTest {

    /** Annotation naming Secrets operations create by hand before installing (README, Install). */
    static final String EXTERNAL_SECRETS = "probation-inspection/external-secrets";

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rendersIntoKnownTypedKindsWithoutUnknownFields(String overlay) {
        Rendered r = Overlays.render(overlay);
        assertFalse(r.objects.isEmpty(), overlay + " renders nothing");
        // Rendered.parse already failed on unknown kinds, unknown fields and duplicates; check namespaces
        String ns = r.namespace();
        for (Object o : r.objects) {
            if (o instanceof Namespace) {
                continue;
            }
            assertEquals(ns, Rendered.meta(o).getNamespace(), overlay + ": " + Rendered.describe(o)
                    + " is not in the overlay's namespace");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConfigMapSecretAndServiceAccountReferencedIsDefined(String overlay) throws IOException {
        Rendered r = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        String readme = Files.readString(Paths.readme());
        for (Deployment d : r.all(Deployment.class)) {
            String where = overlay + ": Deployment " + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String sa = pod.getServiceAccountName();
            if (sa != null && !sa.equals("default") && r.find(ServiceAccount.class, sa).isEmpty()) {
                problems.add(where + ": ServiceAccount " + sa + " is not defined");
            }
            List<Container> containers = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) {
                containers.addAll(pod.getInitContainers());
            }
            for (Container c : containers) {
                for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                        var ref = e.getValueFrom().getSecretKeyRef();
                        checkSecret(r, d, readme, ref.getName(), ref.getKey(), where + " env " + e.getName(), problems);
                    }
                    if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = e.getValueFrom().getConfigMapKeyRef();
                        checkConfigMap(r, ref.getName(), ref.getKey(), where + " env " + e.getName(), problems);
                    }
                }
                for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        checkConfigMap(r, from.getConfigMapRef().getName(), null, where + " envFrom", problems);
                    }
                    if (from.getSecretRef() != null) {
                        checkSecret(r, d, readme, from.getSecretRef().getName(), null, where + " envFrom", problems);
                    }
                }
            }
            for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
                if (v.getConfigMap() != null) {
                    checkConfigMap(r, v.getConfigMap().getName(), null, where + " volume " + v.getName(), problems);
                }
                if (v.getSecret() != null) {
                    for (String key : keys(v.getSecret().getItems())) {
                        checkSecret(r, d, readme, v.getSecret().getSecretName(), key, where + " volume " + v.getName(),
                                problems);
                    }
                }
                if (v.getProjected() != null) {
                    for (VolumeProjection p : v.getProjected().getSources()) {
                        if (p.getConfigMap() != null) {
                            checkConfigMap(r, p.getConfigMap().getName(), null, where + " volume " + v.getName(),
                                    problems);
                        }
                        if (p.getSecret() != null) {
                            for (String key : keys(p.getSecret().getItems())) {
                                checkSecret(r, d, readme, p.getSecret().getName(), key, where + " volume " + v.getName(),
                                        problems);
                            }
                        }
                    }
                }
            }
        }
        for (Kafka k : r.all(Kafka.class)) {
            if (k.getSpec().getKafka().getMetricsConfig() instanceof JmxPrometheusExporterMetrics jmx) {
                var ref = jmx.getValueFrom().getConfigMapKeyRef();
                checkConfigMap(r, ref.getName(), ref.getKey(), overlay + ": Kafka metricsConfig", problems);
            }
        }
        for (BarmanObjectStore store : r.all(BarmanObjectStore.class)) {
            var creds = store.spec().configuration().s3Credentials();
            for (BarmanObjectStore.SecretKey key : Arrays.asList(creds.accessKeyId(), creds.secretAccessKey(),
                    creds.region(), creds.sessionToken())) {
                if (key != null) {
                    checkSecret(r, store, readme, key.name(), key.key(), overlay + ": ObjectStore "
                            + store.metadata().getName(), problems);
                }
            }
        }
        // TLS material: cert-manager issuers and certificates, the CA a ServiceMonitor trusts, the CA the
        // ingress controller verifies a backend with
        for (CertManagerIssuer issuer : r.all(CertManagerIssuer.class)) {
            if (issuer.spec().ca() != null) {
                checkSecret(r, issuer, readme, issuer.spec().ca().secretName(), "tls.key", overlay + ": Issuer "
                        + issuer.metadata().getName(), problems);
            }
        }
        for (CertManagerCertificate c : r.all(CertManagerCertificate.class)) {
            var ref = c.spec().issuerRef();
            if ((ref.kind() == null || "Issuer".equals(ref.kind())) && r.find(CertManagerIssuer.class, ref.name()).isEmpty()) {
                problems.add(overlay + ": Certificate " + c.metadata().getName() + " is issued by Issuer " + ref.name()
                        + ", which is not defined");
            }
        }
        for (ServiceMonitor sm : r.all(ServiceMonitor.class)) {
            for (var endpoint : sm.getSpec().getEndpoints()) {
                var tls = endpoint.getTlsConfig();
                if (tls != null && tls.getCa() != null && tls.getCa().getSecret() != null) {
                    checkSecret(r, sm, readme, tls.getCa().getSecret().getName(), tls.getCa().getSecret().getKey(),
                            overlay + ": ServiceMonitor " + sm.getMetadata().getName(), problems);
                }
            }
        }
        for (Ingress ingress : r.all(Ingress.class)) {
            Map<String, String> notes = ingress.getMetadata().getAnnotations();
            String proxySecret = notes == null ? null : notes.get("nginx.ingress.kubernetes.io/proxy-ssl-secret");
            if (proxySecret != null) {
                String ns = proxySecret.substring(0, Math.max(0, proxySecret.indexOf('/')));
                if (!ns.equals(r.namespace())) {
                    problems.add(overlay + ": Ingress " + ingress.getMetadata().getName() + " proxy-ssl-secret "
                            + proxySecret + " is not <namespace " + r.namespace() + ">/<secret>");
                }
                checkSecret(r, ingress, readme, proxySecret.substring(proxySecret.indexOf('/') + 1), "ca.crt",
                        overlay + ": Ingress " + ingress.getMetadata().getName() + " proxy-ssl-secret", problems);
            }
        }
        for (Ingress ingress : r.all(Ingress.class)) {
            for (IngressTLS tls : ingress.getSpec().getTls() == null ? List.<IngressTLS>of() : ingress.getSpec().getTls()) {
                Map<String, String> annotations = ingress.getMetadata().getAnnotations();
                boolean certManager = annotations != null && (annotations.containsKey("cert-manager.io/cluster-issuer")
                        || annotations.containsKey("cert-manager.io/issuer"));
                if (!certManager && r.find(Secret.class, tls.getSecretName()).isEmpty()) {
                    problems.add(overlay + ": Ingress TLS Secret " + tls.getSecretName()
                            + " is neither defined nor issued by cert-manager");
                }
            }
        }
        assertNoProblems(problems);
    }

    private static void checkConfigMap(Rendered r, String name, String key, String where, List<String> problems) {
        var cm = r.find(ConfigMap.class, name);
        if (cm.isEmpty()) {
            problems.add(where + ": ConfigMap " + name + " is not defined");
        } else if (key != null && (cm.get().getData() == null || !cm.get().getData().containsKey(key))) {
            problems.add(where + ": ConfigMap " + name + " has no key " + key);
        }
    }

    /**
     * A Secret is fine when the overlay defines it (with the key), when CloudNativePG generates it
     * ({@code <cluster>-app} of a defined Cluster), when Strimzi generates it (named after a defined
     * SCRAM KafkaUser; or its cluster CA certificate {@code <kafka>-cluster-ca-cert}), when CloudNativePG
     * creates it as a Cluster's CA ({@code <cluster>-ca}), when cert-manager issues it (the secretName of a
     * defined Certificate), or when the referencing object declares it external and the README tells
     * operations how to create it.
     */
    static void checkSecret(Rendered r, Object referrer, String readme, String name, String key, String where,
            List<String> problems) {
        var secret = r.find(Secret.class, name);
        if (secret.isPresent()) {
            Secret s = secret.get();
            boolean hasKey = key == null || s.getData() != null && s.getData().containsKey(key)
                    || s.getStringData() != null && s.getStringData().containsKey(key);
            if (!hasKey) {
                problems.add(where + ": Secret " + name + " has no key " + key);
            }
            return;
        }
        if (name.endsWith("-app")) {
            String cluster = name.substring(0, name.length() - "-app".length());
            if (r.find(CnpgCluster.class, cluster).isPresent()) {
                Set<String> keys = Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri",
                        "pgpass", "fqdn-uri", "fqdn-jdbc-uri", "user");
                if (key != null && !keys.contains(key)) {
                    problems.add(where + ": CloudNativePG Secret " + name + " has no key " + key);
                }
                return;
            }
        }
        for (Kafka kafka : r.all(Kafka.class)) {
            String cluster = kafka.getMetadata().getName();
            // Strimzi's cluster CA certificate (the CA of the brokers' listener certificates), public part only
            if (name.equals(cluster + "-cluster-ca-cert")) {
                if (key != null && !Set.of("ca.crt", "ca.p12", "ca.password").contains(key)) {
                    problems.add(where + ": Strimzi's Secret " + name + " has no key " + key);
                }
                return;
            }
        }
        if (name.endsWith("-ca")) {
            // CloudNativePG's CA of a Cluster (it signs the server certificate): ca.crt, ca.key
            String cluster = name.substring(0, name.length() - "-ca".length());
            if (r.find(CnpgCluster.class, cluster).isPresent()) {
                if (key != null && !Set.of("ca.crt", "ca.key").contains(key)) {
                    problems.add(where + ": CloudNativePG Secret " + name + " has no key " + key);
                }
                return;
            }
        }
        var certificate = r.all(CertManagerCertificate.class).stream()
                .filter(c -> name.equals(c.spec().secretName())).findFirst();
        if (certificate.isPresent()) {
            if (key != null && !Set.of("tls.crt", "tls.key", "ca.crt").contains(key)) {
                problems.add(where + ": cert-manager Secret " + name + " (Certificate "
                        + certificate.get().metadata().getName() + ") has no key " + key);
            }
            return;
        }
        var user = r.find(KafkaUser.class, name);
        if (user.isPresent()) {
            if (!(user.get().getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication)) {
                problems.add(where + ": KafkaUser " + name + " does not use scram-sha-512, so its Secret has no "
                        + key);
            } else if (key != null && !Set.of("password", "sasl.jaas.config").contains(key)) {
                problems.add(where + ": Strimzi's KafkaUser Secret " + name + " has no key " + key);
            }
            return;
        }
        Map<String, String> annotations = Rendered.meta(referrer).getAnnotations();
        String declared = annotations == null ? "" : annotations.getOrDefault(EXTERNAL_SECRETS, "");
        boolean external = Arrays.stream(declared.split("[,\\s]+")).anyMatch(name::equals);
        if (!external) {
            problems.add(where + ": Secret " + name + " is defined nowhere (not in the overlay, not a CloudNativePG "
                    + "<cluster>-app of a defined Cluster, not a KafkaUser, not declared in " + EXTERNAL_SECRETS + ")");
        } else if (!java.util.regex.Pattern.compile("kubectl[^\n]* create secret generic " + java.util.regex.Pattern.quote(name)
                + "(?![\\w-])").matcher(readme).find()) {
            problems.add(where + ": external Secret " + name + " is not explained in README.md "
                    + "(expected a `kubectl create secret generic " + name + "` line)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySelectorMatchesAndEveryTargetExists(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<Pod> pods = Pods.of(r);
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (!Selectors.matches(d.getSpec().getSelector(), labels)) {
                problems.add(overlay + ": Deployment " + d.getMetadata().getName()
                        + " selector does not match its own pod template");
            }
            List<TopologySpreadConstraint> spread = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            for (TopologySpreadConstraint t : spread == null ? List.<TopologySpreadConstraint>of() : spread) {
                if (!Selectors.matches(t.getLabelSelector(), labels)) {
                    problems.add(overlay + ": Deployment " + d.getMetadata().getName()
                            + " topology spread selector does not select its own pods");
                }
                for (String k : t.getMatchLabelKeys() == null ? List.<String>of() : t.getMatchLabelKeys()) {
                    if (!labels.containsKey(k)) {
                        problems.add(overlay + ": Deployment " + d.getMetadata().getName() + " matchLabelKeys " + k
                                + " is not a label of its pods");
                    }
                }
            }
        }
        for (Service s : r.all(Service.class)) {
            List<Pod> selected = pods.stream().filter(p -> Selectors.matches(s.getSpec().getSelector(), p.labels()))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(overlay + ": Service " + s.getMetadata().getName() + " selects no pod");
            }
            for (ServicePort port : s.getSpec().getPorts()) {
                var target = port.getTargetPort();
                for (Pod p : selected) {
                    boolean ok = target == null ? p.ports().containsValue(port.getPort())
                            : target.getStrVal() != null ? p.ports().containsKey(target.getStrVal())
                            : p.ports().containsValue(target.getIntVal());
                    if (!ok) {
                        problems.add(overlay + ": Service " + s.getMetadata().getName() + " port " + port.getName()
                                + " targets " + target + ", which " + p.owner() + " does not expose");
                    }
                }
            }
        }
        for (PodDisruptionBudget pdb : r.all(PodDisruptionBudget.class)) {
            if (pods.stream().noneMatch(p -> Selectors.matches(pdb.getSpec().getSelector(), p.labels()))) {
                problems.add(overlay + ": PodDisruptionBudget " + pdb.getMetadata().getName() + " selects no pod");
            }
        }
        for (NetworkPolicy np : r.all(NetworkPolicy.class)) {
            if (pods.stream().noneMatch(p -> Selectors.matches(np.getSpec().getPodSelector(), p.labels()))) {
                problems.add(overlay + ": NetworkPolicy " + np.getMetadata().getName() + " selects no pod");
            }
        }
        for (HorizontalPodAutoscaler hpa : r.all(HorizontalPodAutoscaler.class)) {
            var ref = hpa.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(ref.getKind()) || r.find(Deployment.class, ref.getName()).isEmpty()) {
                problems.add(overlay + ": HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " scales "
                        + ref.getKind() + " " + ref.getName() + ", which is not defined");
            }
        }
        for (Ingress ingress : r.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    IngressServiceBackend backend = path.getBackend().getService();
                    var service = r.find(Service.class, backend.getName());
                    if (service.isEmpty()) {
                        problems.add(overlay + ": Ingress " + rule.getHost() + " routes to undefined Service "
                                + backend.getName());
                        continue;
                    }
                    boolean portOk = service.get().getSpec().getPorts().stream().anyMatch(p ->
                            backend.getPort().getName() != null ? backend.getPort().getName().equals(p.getName())
                                    : Objects.equals(backend.getPort().getNumber(), p.getPort()));
                    if (!portOk) {
                        problems.add(overlay + ": Ingress " + rule.getHost() + " routes to a port Service "
                                + backend.getName() + " does not have");
                    }
                    if ("management".equals(backend.getPort().getName())) {
                        problems.add(overlay + ": Ingress exposes the management port of " + backend.getName());
                    }
                }
            }
        }
        // Strimzi resources belong to a defined Kafka cluster
        Consumer<HasMetadata> strimziCluster = o -> {
            String cluster = o.getMetadata().getLabels() == null ? null
                    : o.getMetadata().getLabels().get("strimzi.io/cluster");
            if (cluster == null || r.find(Kafka.class, cluster).isEmpty()) {
                problems.add(overlay + ": " + o.getKind() + " " + o.getMetadata().getName()
                        + " has strimzi.io/cluster=" + cluster + ", which is not a defined Kafka");
            }
        };
        r.all(KafkaTopic.class).forEach(strimziCluster);
        r.all(KafkaUser.class).forEach(strimziCluster);
        r.all(KafkaNodePool.class).forEach(strimziCluster);
        // CloudNativePG: backups and plugins point at defined clusters and object stores
        for (CnpgScheduledBackup b : r.all(CnpgScheduledBackup.class)) {
            String cluster = b.spec().cluster().name();
            var c = r.find(CnpgCluster.class, cluster);
            if (c.isEmpty()) {
                problems.add(overlay + ": ScheduledBackup " + b.metadata().getName() + " backs up undefined Cluster "
                        + cluster);
            } else if ("plugin".equals(b.spec().method())) {
                String plugin = b.spec().pluginConfiguration().name();
                var plugins = c.get().spec().plugins();
                if (plugins == null || plugins.stream().noneMatch(p -> p.name().equals(plugin))) {
                    problems.add(overlay + ": ScheduledBackup " + b.metadata().getName() + " uses plugin " + plugin
                            + ", which Cluster " + cluster + " does not enable");
                }
            }
        }
        for (CnpgCluster c : r.all(CnpgCluster.class)) {
            for (CnpgCluster.Plugin p : c.spec().plugins() == null ? List.<CnpgCluster.Plugin>of() : c.spec().plugins()) {
                String store = p.parameters() == null ? null : p.parameters().get("barmanObjectName");
                if (store != null && r.find(BarmanObjectStore.class, store).isEmpty()) {
                    problems.add(overlay + ": Cluster " + c.metadata().getName() + " archives to ObjectStore " + store
                            + ", which is not defined");
                }
            }
        }
        assertNoProblems(problems);
    }

    /** The keys a secret volume names (items), or one null for "the whole Secret". */
    private static List<String> keys(List<io.fabric8.kubernetes.api.model.KeyToPath> items) {
        if (items == null || items.isEmpty()) {
            return java.util.Collections.singletonList(null);
        }
        return items.stream().map(io.fabric8.kubernetes.api.model.KeyToPath::getKey).toList();
    }

    static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            List<String> distinct = problems.stream().distinct().toList();
            fail(distinct.size() + " problem(s):\n" + String.join("\n", distinct));
        }
    }
}
