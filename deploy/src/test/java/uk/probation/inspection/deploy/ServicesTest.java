package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.probation.inspection.deploy.Facts.ServiceFacts;
import uk.probation.inspection.deploy.Overlays.Env;
import uk.probation.inspection.deploy.cnpg.CnpgCluster;

/** The three services' Deployments: hardening, probes, ports, image, and the configuration they get. */
class ServicesTest {

    static Stream<Arguments> overlayAndService() {
        return Overlays.names().stream()
                .flatMap(o -> Facts.SERVICES.stream().map(s -> Arguments.of(o, s.name())));
    }

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayAndService")
    void deploymentIsHardened(String overlay, String service) {
        Rendered r = Overlays.render(overlay);
        Deployment d = r.get(Deployment.class, service);
        String where = overlay + " " + service;
        var pod = d.getSpec().getTemplate().getSpec();
        PodSecurityContext podSecurity = pod.getSecurityContext();
        assertNotNull(podSecurity, where + ": no pod securityContext");
        assertEquals(Boolean.TRUE, podSecurity.getRunAsNonRoot(), where + ": runAsNonRoot");
        assertNotNull(podSecurity.getRunAsUser(), where + ": runAsUser");
        assertTrue(podSecurity.getRunAsUser() > 0, where + ": runs as root");
        assertEquals("RuntimeDefault", podSecurity.getSeccompProfile().getType(), where + ": seccomp profile");
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), where + ": mounts an API token");

        Container c = Overlays.container(d);
        SecurityContext sc = c.getSecurityContext();
        assertNotNull(sc, where + ": no container securityContext");
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), where + ": allowPrivilegeEscalation");
        assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), where + ": readOnlyRootFilesystem");
        assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), where + ": container runAsNonRoot");
        assertNotNull(sc.getCapabilities(), where + ": capabilities");
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), where + ": capabilities not all dropped");
        assertTrue(sc.getPrivileged() == null || !sc.getPrivileged(), where + ": privileged");

        VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": nothing mounted on /tmp"));
        Volume tmpVolume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": volume " + tmp.getName() + " not defined"));
        assertNotNull(tmpVolume.getEmptyDir(), where + ": /tmp is not an emptyDir");

        for (String kind : List.of("requests", "limits")) {
            Map<String, Quantity> res = kind.equals("requests") ? c.getResources().getRequests()
                    : c.getResources().getLimits();
            assertNotNull(res, where + ": no resource " + kind);
            assertTrue(res.containsKey("cpu") && res.containsKey("memory"), where + ": " + kind + " need cpu and memory");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayAndService")
    void probesPortsAndImage(String overlay, String service) {
        Rendered r = Overlays.render(overlay);
        ServiceFacts facts = Facts.service(service);
        Deployment d = r.get(Deployment.class, service);
        String where = overlay + " " + service;
        Container c = Overlays.container(d);
        Map<String, Integer> ports = Pods.ports(d);
        assertEquals(Facts.HTTPS_PORT, ports.get("https"), where + ": container port https");
        assertFalse(ports.containsKey("http") || ports.containsValue(facts.httpPort()),
                where + ": the plain HTTP port is not served (QUARKUS_HTTP_INSECURE_REQUESTS=disabled)");
        assertEquals(Facts.MANAGEMENT_PORT, ports.get("management"), where + ": container port management");

        Map<String, Probe> probes = Map.of("liveness", nonNull(c.getLivenessProbe(), where + " liveness probe"),
                "readiness", nonNull(c.getReadinessProbe(), where + " readiness probe"),
                "startup", nonNull(c.getStartupProbe(), where + " startup probe"));
        probes.forEach((kind, probe) -> {
            assertNotNull(probe.getHttpGet(), where + ": " + kind + " probe is not an HTTP GET");
            assertEquals(Facts.PROBE_PATHS.get(kind), probe.getHttpGet().getPath(),
                    where + ": " + kind + " probe path is not one the service serves");
            var port = probe.getHttpGet().getPort();
            int number = port.getStrVal() != null ? ports.getOrDefault(port.getStrVal(), -1) : port.getIntVal();
            assertEquals(Facts.MANAGEMENT_PORT, number, where + ": " + kind + " probe must target the management port");
        });

        String image = c.getImage();
        assertTrue(image.equals(Facts.image(service) + ":" + Facts.IMAGE_TAG)
                        || image.matches("[a-z0-9.\\-:]+(/[a-z0-9._\\-]+)*/" + Facts.image(service) + ":"
                        + Facts.IMAGE_TAG.replace(".", "\\.")),
                where + ": image " + image + " is not [REGISTRY/]" + Facts.image(service) + ":" + Facts.IMAGE_TAG);

        Service svc = r.get(Service.class, service);
        assertTrue(svc.getSpec().getPorts().stream().anyMatch(p -> "https".equals(p.getName())
                && p.getPort() == Facts.HTTPS_PORT && "https".equals(p.getTargetPort().getStrVal())),
                where + ": Service has no https port " + Facts.HTTPS_PORT + " (to the container port https)");
        assertFalse(svc.getSpec().getPorts().stream().anyMatch(p -> "http".equals(p.getName())),
                where + ": Service still has a plain http port");
        assertTrue(svc.getSpec().getPorts().stream().anyMatch(p -> "management".equals(p.getName())),
                where + ": Service has no management port (scraping)");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayAndService")
    void configurationMatchesWhatTheServiceReads(String overlay, String service) {
        Rendered r = Overlays.render(overlay);
        ServiceFacts facts = Facts.service(service);
        Deployment d = r.get(Deployment.class, service);
        String where = overlay + " " + service;
        Map<String, Env> env = Overlays.env(r, Overlays.container(d));
        List<String> missing = new ArrayList<>(Facts.REQUIRED_ENV);
        missing.removeAll(env.keySet());
        assertTrue(missing.isEmpty(), where + ": environment lacks " + missing);
        assertEquals("prod", Overlays.literal(env, "QUARKUS_PROFILE", where));
        assertEquals("true", Overlays.literal(env, "QUARKUS_LOG_CONSOLE_JSON_ENABLED", where));

        // database: the service's own CloudNativePG cluster, through its -rw Service and -app Secret
        CnpgCluster cluster = r.get(CnpgCluster.class, facts.cluster());
        String database = cluster.spec().bootstrap().initdb().database();
        assertEquals(facts.database(), database, where + ": database name of Cluster " + facts.cluster());
        String jdbcUrl = Overlays.literal(env, "QUARKUS_DATASOURCE_JDBC_URL", where);
        // the query (sslmode, sslrootcert) is TransportSecurityTest's
        assertEquals("jdbc:postgresql://" + facts.cluster() + "-rw:5432/" + database,
                jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl, where + ": JDBC URL");
        for (var e : Map.of("QUARKUS_DATASOURCE_USERNAME", "username", "QUARKUS_DATASOURCE_PASSWORD", "password")
                .entrySet()) {
            Env v = env.get(e.getKey());
            assertEquals(facts.cluster() + "-app", v.secret(), where + ": " + e.getKey() + " secret");
            assertEquals(e.getValue(), v.key(), where + ": " + e.getKey() + " key");
        }

        // Kafka: the service's own KafkaUser secret
        Env jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
        assertEquals(service, jaas.secret(), where + ": KAFKA_SASL_JAAS_CONFIG must come from KafkaUser " + service);
        assertEquals("sasl.jaas.config", jaas.key(), where + ": KAFKA_SASL_JAAS_CONFIG key");

        // identity provider
        JsonNode realm = KeycloakRealmTest.realmJson();
        String realmName = realm.path("realm").asText();
        String authServer = Overlays.literal(env, "QUARKUS_OIDC_AUTH_SERVER_URL", where);
        URI auth = URI.create(authServer);
        Service keycloak = r.get(Service.class, auth.getHost());
        assertTrue(keycloak.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == auth.getPort()),
                where + ": " + authServer + " is not a port of Service " + auth.getHost());
        assertEquals("/realms/" + realmName, auth.getPath(), where + ": auth-server-url realm");
        Deployment keycloakDeployment = r.get(Deployment.class, "keycloak");
        Map<String, Env> kcEnv = Overlays.env(r, Overlays.container(keycloakDeployment));
        String publicUrl = Overlays.literal(kcEnv, "KC_HOSTNAME", overlay + " keycloak");
        assertEquals(publicUrl + "/realms/" + realmName, Overlays.literal(env, "QUARKUS_OIDC_TOKEN_ISSUER", where),
                where + ": token issuer must be Keycloak's public URL (KC_HOSTNAME)");
        assertEquals("true", Overlays.literal(kcEnv, "KC_HOSTNAME_BACKCHANNEL_DYNAMIC", overlay + " keycloak"),
                "services reach Keycloak through the cluster-internal URL: backchannel must be dynamic");
        assertTrue(KeycloakRealmTest.clientIds(realm).contains(Overlays.literal(env, "QUARKUS_OIDC_CLIENT_ID", where)),
                where + ": QUARKUS_OIDC_CLIENT_ID is not a client of the realm");
        assertEquals(Facts.AUDIENCE, Overlays.literal(env, "QUARKUS_OIDC_TOKEN_AUDIENCE", where));
        assertEquals(Facts.ROLE_CLAIM, Overlays.literal(env, "QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH", where));
        String publicHost = URI.create(publicUrl).getHost();
        assertTrue(r.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules().stream())
                        .anyMatch(rule -> publicHost.equals(rule.getHost()) && rule.getHttp().getPaths().stream()
                                .anyMatch(p -> p.getBackend().getService().getName().equals(keycloak.getMetadata()
                                        .getName()))),
                overlay + ": no Ingress routes " + publicHost + " (KC_HOSTNAME) to Keycloak");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlayAndService")
    void scalingIsBoundedAndDisruptionsBudgeted(String overlay, String service) {
        Rendered r = Overlays.render(overlay);
        ServiceFacts facts = Facts.service(service);
        String where = overlay + " " + service;
        Deployment d = r.get(Deployment.class, service);
        HorizontalPodAutoscaler hpa = r.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> service.equals(h.getSpec().getScaleTargetRef().getName())).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": no HorizontalPodAutoscaler"));
        assertNull(d.getSpec().getReplicas(), where + ": spec.replicas set although the HPA owns the replica count");
        int min = hpa.getSpec().getMinReplicas();
        int max = hpa.getSpec().getMaxReplicas();
        assertTrue(min >= 1 && min <= max, where + ": HPA min " + min + " max " + max);
        if (facts.consumer()) {
            for (String topic : facts.reads()) {
                int partitions = KafkaTest.topic(r, topic).getSpec().getPartitions();
                assertTrue(max <= partitions, where + ": maxReplicas " + max + " exceeds the " + partitions
                        + " partitions of " + topic + " (idle consumers)");
            }
        }
        if (overlay.equals("prod")) {
            assertTrue(min >= 2, where + ": prod needs at least 2 replicas, HPA minReplicas is " + min);
            assertNotNull(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints(),
                    where + ": prod replicas must be spread (topologySpreadConstraints)");
        } else if (overlay.equals("dev")) {
            assertEquals(1, min, where + ": dev runs one replica");
        }
        Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
        List<PodDisruptionBudget> pdbs = r.all(PodDisruptionBudget.class).stream()
                .filter(p -> Selectors.matches(p.getSpec().getSelector(), labels)).toList();
        assertEquals(1, pdbs.size(), where + ": exactly one PodDisruptionBudget must cover the pods");
        PodDisruptionBudget pdb = pdbs.get(0);
        if (pdb.getSpec().getMinAvailable() != null && pdb.getSpec().getMinAvailable().getIntVal() != null) {
            assertTrue(pdb.getSpec().getMinAvailable().getIntVal() < min,
                    where + ": PDB minAvailable would block every eviction at minReplicas");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void highAvailabilityInProd(String overlay) {
        Rendered r = Overlays.render(overlay);
        if (!overlay.equals("prod")) {
            for (CnpgCluster c : r.all(CnpgCluster.class)) {
                assertTrue(c.spec().instances() >= 1, overlay + ": " + c.metadata().getName());
            }
            return;
        }
        for (CnpgCluster c : r.all(CnpgCluster.class)) {
            assertTrue(c.spec().instances() >= 3, "prod: Cluster " + c.metadata().getName()
                    + " needs a primary and two standbys");
            assertNotNull(c.spec().plugins(), "prod: Cluster " + c.metadata().getName() + " has no WAL archiving");
            assertTrue(c.spec().plugins().stream().anyMatch(p -> Boolean.TRUE.equals(p.isWALArchiver())),
                    "prod: Cluster " + c.metadata().getName() + " has no WAL archiver");
        }
        assertFalse(r.all(uk.probation.inspection.deploy.cnpg.CnpgScheduledBackup.class).isEmpty(),
                "prod: no ScheduledBackup");
        Deployment keycloak = r.get(Deployment.class, "keycloak");
        assertTrue(keycloak.getSpec().getReplicas() >= 2, "prod: Keycloak needs at least 2 replicas");
        for (Ingress ingress : r.all(Ingress.class)) {
            assertFalse(ingress.getSpec().getTls() == null, "prod: Ingress " + ingress.getMetadata().getName()
                    + " without TLS");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentIsBoundedAndUnprivileged(String overlay) {
        Rendered r = Overlays.render(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            String where = overlay + " Deployment " + d.getMetadata().getName();
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                assertNotNull(c.getResources().getLimits(), where + ": no limits");
                assertNotNull(c.getResources().getRequests(), where + ": no requests");
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where);
                assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), where);
                assertNotNull(c.getReadinessProbe(), where + ": no readiness probe");
                assertNotNull(c.getLivenessProbe(), where + ": no liveness probe");
            }
            assertEquals(Boolean.TRUE, d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot(), where);
        }
        // Keycloak serves its probes only with health enabled, on the management port
        Deployment keycloak = r.get(Deployment.class, "keycloak");
        Map<String, Env> env = Overlays.env(r, Overlays.container(keycloak));
        assertEquals("true", Overlays.literal(env, "KC_HEALTH_ENABLED", overlay + " keycloak"));
        Container kc = Overlays.container(keycloak);
        assertEquals("/health/ready", kc.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/health/live", kc.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/health/started", kc.getStartupProbe().getHttpGet().getPath());
        // the realm ConfigMap holds exactly the realm export
        ConfigMap realm = r.findGenerated(ConfigMap.class, "keycloak-realm")
                .orElseThrow(() -> new AssertionError(overlay + ": no keycloak-realm ConfigMap"));
        assertEquals(KeycloakRealmTest.realmText(), realm.getData().get("probation-inspection-realm.json"),
                overlay + ": realm ConfigMap differs from the realm export");
    }

    private static <T> T nonNull(T value, String what) {
        assertNotNull(value, what + " missing");
        return value;
    }

}
