package uk.probation.inspection.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.probation.inspection.deploy.Facts.ServiceFacts;
import uk.probation.inspection.deploy.Mounts.SecretFile;
import uk.probation.inspection.deploy.Overlays.Env;
import uk.probation.inspection.deploy.certmanager.CertManagerCertificate;
import uk.probation.inspection.deploy.certmanager.CertManagerIssuer;
import uk.probation.inspection.deploy.cnpg.CnpgCluster;

/**
 * Encrypted in transit inside the cluster, with the server verified by the client: Kafka only over TLS (Strimzi's
 * cluster CA), PostgreSQL only over TLS with {@code sslmode=verify-full} against the Cluster's own CA (mounted from
 * the Secret CloudNativePG creates), Keycloak's back channel over HTTPS with a cert-manager certificate the
 * services trust; the services' API over HTTPS only, the ingress controller verifying their certificates;
 * Keycloak's admin console off the public ingress in prod.
 */
class TransportSecurityTest {

    static List<String> overlays() {
        return Overlays.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kafkaHasNoPlaintextListenerAndTheServicesVerifyTheBrokers(String overlay) {
        Rendered r = Overlays.render(overlay);
        Kafka kafka = KafkaTest.kafka(r);
        String cluster = kafka.getMetadata().getName();
        List<String> problems = new ArrayList<>();
        for (GenericKafkaListener l : kafka.getSpec().getKafka().getListeners()) {
            if (!l.isTls()) {
                problems.add(overlay + ": Kafka listener " + l.getName() + " (port " + l.getPort() + ") is plaintext");
            }
        }
        for (ServiceFacts s : Facts.SERVICES) {
            String where = overlay + " " + s.name();
            Deployment d = r.get(Deployment.class, s.name());
            Container c = Overlays.container(d);
            Map<String, Env> env = Overlays.env(r, c);
            String protocol = value(env, "KAFKA_SECURITY_PROTOCOL");
            if (!Set.of("SASL_SSL", "SSL").contains(protocol)) {
                problems.add(where + ": KAFKA_SECURITY_PROTOCOL is " + protocol + ", not SASL_SSL or SSL");
            }
            if (!"PEM".equals(value(env, "KAFKA_SSL_TRUSTSTORE_TYPE"))) {
                problems.add(where + ": KAFKA_SSL_TRUSTSTORE_TYPE is not PEM (Strimzi's ca.crt)");
            }
            expectMountedFrom(problems, where + ": KAFKA_SSL_TRUSTSTORE_LOCATION", d, c,
                    value(env, "KAFKA_SSL_TRUSTSTORE_LOCATION"), Set.of(new SecretFile(cluster + "-cluster-ca-cert", "ca.crt")));
            String identification = value(env, "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM");
            if (env.containsKey("KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM") && !"https".equalsIgnoreCase(identification)) {
                problems.add(where + ": broker host name verification is switched off");
            }
        }
        ReferencesTest.assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDatabaseConnectionVerifiesTheServerAgainstItsClusterCa(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        int urls = 0;
        for (Deployment d : r.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (Env e : Overlays.env(r, c).values()) {
                    if (e.value() == null || !e.value().startsWith("jdbc:postgresql:")) {
                        continue;
                    }
                    urls++;
                    String where = overlay + ": Deployment " + d.getMetadata().getName() + " " + e.name();
                    URI uri = URI.create(e.value().substring("jdbc:".length()));
                    String cluster = uri.getHost().replaceFirst("-(rw|ro|r)$", "");
                    if (r.find(CnpgCluster.class, cluster).isEmpty()) {
                        problems.add(where + ": host " + uri.getHost() + " is not a Service of a defined Cluster");
                        continue;
                    }
                    Map<String, String> query = query(uri.getRawQuery());
                    if (!"verify-full".equals(query.get("sslmode"))) {
                        problems.add(where + ": sslmode is " + query.get("sslmode") + ", not verify-full");
                    }
                    expectMountedFrom(problems, where + ": sslrootcert", d, c, query.get("sslrootcert"),
                            Set.of(new SecretFile(cluster + "-ca", "ca.crt")));
                }
            }
        }
        assertTrue(urls >= Facts.SERVICES.size() + 1, overlay + ": expected a JDBC URL per service and Keycloak, found "
                + urls);
        // and the server side refuses what a client might still try without TLS
        for (CnpgCluster c : r.all(CnpgCluster.class)) {
            List<String> hba = c.spec().postgresql() == null || c.spec().postgresql().pgHba() == null ? List.of()
                    : c.spec().postgresql().pgHba();
            Optional<String> first = hba.stream().filter(l -> l.trim().startsWith("host")).findFirst();
            if (first.isEmpty() || !first.get().matches("\\s*hostnossl\\s+all\\s+all\\s+all\\s+reject\\s*")) {
                problems.add(overlay + ": Cluster " + c.metadata().getName()
                        + " does not refuse connections without TLS first (pg_hba: hostnossl all all all reject)");
            }
        }
        ReferencesTest.assertNoProblems(problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void keycloakServesHttpsOnlyWithACertificateTheServicesTrust(String overlay) throws Exception {
        Rendered r = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        Deployment keycloak = r.get(Deployment.class, "keycloak");
        Container kc = Overlays.container(keycloak);
        Map<String, Env> kcEnv = Overlays.env(r, kc);
        if (!"false".equals(value(kcEnv, "KC_HTTP_ENABLED"))) {
            problems.add(overlay + ": Keycloak serves plain HTTP (KC_HTTP_ENABLED is not false)");
        }
        Integer httpsPort = Pods.ports(keycloak).get("https");
        if (httpsPort == null || !String.valueOf(httpsPort).equals(Optional.ofNullable(value(kcEnv, "KC_HTTPS_PORT")).orElse("8443"))) {
            problems.add(overlay + ": Keycloak's container port https is not KC_HTTPS_PORT");
        }
        // Keycloak's certificate: a cert-manager Certificate's Secret, mounted
        Optional<SecretFile> cert = file(keycloak, kc, value(kcEnv, "KC_HTTPS_CERTIFICATE_FILE"));
        Optional<SecretFile> key = file(keycloak, kc, value(kcEnv, "KC_HTTPS_CERTIFICATE_KEY_FILE"));
        CertManagerCertificate certificate = cert.flatMap(f -> certificateWithSecret(r, f.secret())).orElse(null);
        if (certificate == null || !"tls.crt".equals(cert.get().key())) {
            problems.add(overlay + ": KC_HTTPS_CERTIFICATE_FILE is not tls.crt of a cert-manager Certificate's Secret");
        }
        if (key.isEmpty() || cert.isEmpty() || !key.get().equals(new SecretFile(cert.get().secret(), "tls.key"))) {
            problems.add(overlay + ": KC_HTTPS_CERTIFICATE_KEY_FILE is not tls.key of the same Secret");
        }
        for (Probe probe : List.of(kc.getStartupProbe(), kc.getLivenessProbe(), kc.getReadinessProbe())) {
            if (!"HTTPS".equals(probe.getHttpGet().getScheme())) {
                problems.add(overlay + ": a Keycloak probe is not HTTPS (the management port inherits HTTPS)");
            }
        }
        Set<SecretFile> trusted = new java.util.HashSet<>();
        if (certificate != null) {
            // what signs Keycloak's certificate: ca.crt of its own Secret, or of the CA issuer's Secret
            trusted.add(new SecretFile(certificate.spec().secretName(), "ca.crt"));
            r.find(CertManagerIssuer.class, certificate.spec().issuerRef().name())
                    .filter(i -> i.spec().ca() != null)
                    .ifPresent(i -> trusted.add(new SecretFile(i.spec().ca().secretName(), "ca.crt")));
        }
        for (ServiceFacts s : Facts.SERVICES) {
            String where = overlay + " " + s.name();
            Deployment d = r.get(Deployment.class, s.name());
            Container c = Overlays.container(d);
            Map<String, Env> env = Overlays.env(r, c);
            URI auth = URI.create(Overlays.literal(env, "QUARKUS_OIDC_AUTH_SERVER_URL", where));
            if (!"https".equals(auth.getScheme())) {
                problems.add(where + ": QUARKUS_OIDC_AUTH_SERVER_URL " + auth + " is not HTTPS");
            }
            Optional<Service> svc = r.find(Service.class, auth.getHost());
            boolean httpsPortOfKeycloak = svc.isPresent() && Selectors.matches(svc.get().getSpec().getSelector(),
                    keycloak.getSpec().getTemplate().getMetadata().getLabels()) && svc.get().getSpec().getPorts().stream()
                    .anyMatch(p -> p.getPort() == auth.getPort() && "https".equals(p.getTargetPort().getStrVal()));
            if (!httpsPortOfKeycloak) {
                problems.add(where + ": " + auth + " is not the https port of a Service of Keycloak");
            }
            if (certificate != null && !certificate.spec().dnsNames().contains(auth.getHost())) {
                problems.add(where + ": Keycloak's certificate does not name " + auth.getHost()
                        + " (host name verification would fail)");
            }
            // the OIDC client uses a named TLS configuration (Quarkus' TLS registry) whose trust store is the mounted CA
            String tlsName = value(env, "QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME");
            if (tlsName == null || tlsName.isBlank()) {
                problems.add(where + ": the OIDC client gets no TLS configuration (QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME)");
            } else {
                String certs = "QUARKUS_TLS__" + tlsName.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
                        + "__TRUST_STORE_PEM_CERTS";
                expectMountedFrom(problems, where + ": " + certs, d, c, value(env, certs), trusted);
            }
            Properties p = ServiceConfigurationTest.load(Paths.applicationProperties(s.name()));
            for (String property : p.stringPropertyNames()) {
                String v = p.getProperty(property).trim();
                if (property.matches("(%prod\\.)?quarkus\\.tls\\..*trust-all") && v.equals("true")
                        || property.matches("(%prod\\.)?quarkus\\.oidc\\.tls\\.verification") && !v.equals("required")) {
                    problems.add(where + ": " + property + "=" + v + " switches server verification off");
                }
            }
        }
        ReferencesTest.assertNoProblems(problems);
    }

    /**
     * The services serve their API over HTTPS only inside the cluster: the plain HTTP port is not served
     * (QUARKUS_HTTP_INSECURE_REQUESTS=disabled), the HTTPS port is the container port https, and the certificate and
     * key are tls.crt and tls.key of one cert-manager Certificate's Secret, mounted read-only, issued by the internal
     * CA (the issuer of Keycloak's certificate) for the service's own Service name. Management (9000) stays HTTP.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesServeTheirApiOverHttpsOnlyWithAnInternalCaCertificate(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        String internalCa = keycloakIssuer(r);
        for (ServiceFacts s : Facts.SERVICES) {
            String where = overlay + " " + s.name();
            Deployment d = r.get(Deployment.class, s.name());
            Container c = Overlays.container(d);
            Map<String, Env> env = Overlays.env(r, c);
            if (!"disabled".equals(value(env, "QUARKUS_HTTP_INSECURE_REQUESTS"))) {
                problems.add(where + ": QUARKUS_HTTP_INSECURE_REQUESTS is " + value(env, "QUARKUS_HTTP_INSECURE_REQUESTS")
                        + ", not disabled (the plain HTTP port would be served)");
            }
            Integer https = Pods.ports(d).get("https");
            String sslPort = Optional.ofNullable(value(env, "QUARKUS_HTTP_SSL_PORT")).orElse("8443");
            if (https == null || !String.valueOf(https).equals(sslPort)) {
                problems.add(where + ": container port https (" + https + ") is not QUARKUS_HTTP_SSL_PORT (" + sslPort + ")");
            }
            Optional<SecretFile> cert = file(d, c, value(env, "QUARKUS_HTTP_SSL_CERTIFICATE_FILES"));
            Optional<SecretFile> key = file(d, c, value(env, "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES"));
            CertManagerCertificate certificate = cert.flatMap(f -> certificateWithSecret(r, f.secret())).orElse(null);
            if (certificate == null || !"tls.crt".equals(cert.get().key())) {
                problems.add(where + ": QUARKUS_HTTP_SSL_CERTIFICATE_FILES is not tls.crt of a mounted cert-manager Certificate's Secret");
            } else {
                if (!certificate.spec().issuerRef().name().equals(internalCa)) {
                    problems.add(where + ": certificate " + certificate.metadata().getName() + " is issued by "
                            + certificate.spec().issuerRef().name() + ", not by the internal CA " + internalCa);
                }
                if (certificate.spec().dnsNames() == null || !certificate.spec().dnsNames().contains(s.name())) {
                    problems.add(where + ": certificate " + certificate.metadata().getName() + " does not name the Service "
                            + s.name());
                }
            }
            if (key.isEmpty() || cert.isEmpty() || !key.get().equals(new SecretFile(cert.get().secret(), "tls.key"))) {
                problems.add(where + ": QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES is not tls.key of the same Secret");
            }
            for (String var : List.of("QUARKUS_HTTP_SSL_CERTIFICATE_FILES", "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES")) {
                String path = value(env, var);
                if (path != null && c.getVolumeMounts().stream().anyMatch(m -> path.startsWith(m.getMountPath() + "/")
                        && !Boolean.TRUE.equals(m.getReadOnly()))) {
                    problems.add(where + ": " + var + " " + path + " is on a mount that is not read-only");
                }
            }
        }
        ReferencesTest.assertNoProblems(problems);
    }

    /**
     * No Ingress sends traffic to a plain HTTP port: every backend is a Service port whose target is a container port
     * named https, and the Ingress says backend-protocol HTTPS. For the services the ingress controller also verifies
     * the backend: proxy-ssl-verify on, proxy-ssl-name a name of the backend's certificate, proxy-ssl-secret a Secret
     * of the overlay's namespace holding the CA that issued it (ca.crt of a Certificate of the same issuer; never the
     * CA's own Secret, which holds its key).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theIngressTalksHttpsToEveryBackendAndVerifiesTheServices(String overlay) {
        Rendered r = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        Set<String> services = new java.util.HashSet<>();
        for (ServiceFacts s : Facts.SERVICES) {
            services.add(s.name());
        }
        Set<String> routed = new java.util.HashSet<>();
        for (Ingress ingress : r.all(Ingress.class)) {
            String where = overlay + ": Ingress " + ingress.getMetadata().getName();
            Map<String, String> notes = ingress.getMetadata().getAnnotations() == null ? Map.of()
                    : ingress.getMetadata().getAnnotations();
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    String to = where + " " + rule.getHost() + path.getPath() + " -> " + backend.getName();
                    Optional<Service> svc = r.find(Service.class, backend.getName());
                    Optional<Deployment> d = svc.flatMap(x -> r.all(Deployment.class).stream()
                            .filter(dep -> Selectors.matches(x.getSpec().getSelector(),
                                    dep.getSpec().getTemplate().getMetadata().getLabels())).findFirst());
                    var port = svc.flatMap(x -> x.getSpec().getPorts().stream().filter(p -> backend.getPort().getName() != null
                            ? backend.getPort().getName().equals(p.getName())
                            : backend.getPort().getNumber().equals(p.getPort())).findFirst());
                    if (d.isEmpty() || port.isEmpty()) {
                        problems.add(to + ": no Service port of a Deployment");
                        continue;
                    }
                    var target = port.get().getTargetPort();
                    Map<String, Integer> ports = Pods.ports(d.get());
                    String name = target.getStrVal() != null ? target.getStrVal() : ports.entrySet().stream()
                            .filter(e -> e.getValue().equals(target.getIntVal())).map(Map.Entry::getKey).findFirst().orElse(null);
                    if (!"https".equals(name) || !ports.containsKey(name)) {
                        problems.add(to + ": Service port " + port.get().getName() + " targets " + target
                                + ", not the container port https (plain HTTP)");
                    }
                    if (!"HTTPS".equals(notes.get("nginx.ingress.kubernetes.io/backend-protocol"))) {
                        problems.add(to + ": backend-protocol is not HTTPS");
                    }
                    if (!services.contains(backend.getName())) {
                        continue;
                    }
                    routed.add(backend.getName());
                    Deployment dep = d.get();
                    Container c = Overlays.container(dep);
                    Optional<CertManagerCertificate> cert = file(dep, c,
                            value(Overlays.env(r, c), "QUARKUS_HTTP_SSL_CERTIFICATE_FILES"))
                            .flatMap(f -> certificateWithSecret(r, f.secret()));
                    if (!"on".equals(notes.get("nginx.ingress.kubernetes.io/proxy-ssl-verify"))) {
                        problems.add(to + ": proxy-ssl-verify is not on (the backend's certificate is not verified)");
                    }
                    String sslName = notes.get("nginx.ingress.kubernetes.io/proxy-ssl-name");
                    if (cert.isEmpty() || sslName == null || !cert.get().spec().dnsNames().contains(sslName)) {
                        problems.add(to + ": proxy-ssl-name " + sslName + " is not a name of the backend's certificate");
                    }
                    String secret = notes.getOrDefault("nginx.ingress.kubernetes.io/proxy-ssl-secret", "");
                    Optional<CertManagerCertificate> ca = certificateWithSecret(r, secret.substring(secret.indexOf('/') + 1));
                    if (cert.isEmpty() || ca.isEmpty() || !secret.equals(r.namespace() + "/" + ca.get().spec().secretName())
                            || Boolean.TRUE.equals(ca.get().spec().isCA())
                            || !ca.get().spec().issuerRef().name().equals(cert.get().spec().issuerRef().name())) {
                        problems.add(to + ": proxy-ssl-secret '" + secret + "' is not <namespace>/<Secret of a certificate"
                                + " of the backend's issuer> (ca.crt: the CA to verify with)");
                    }
                }
            }
        }
        if (!routed.equals(services)) {
            problems.add(overlay + ": the Ingresses route " + routed + ", expected every service " + services);
        }
        ReferencesTest.assertNoProblems(problems);
    }

    private static String keycloakIssuer(Rendered r) {
        Deployment keycloak = r.get(Deployment.class, "keycloak");
        Container kc = Overlays.container(keycloak);
        return file(keycloak, kc, value(Overlays.env(r, kc), "KC_HTTPS_CERTIFICATE_FILE"))
                .flatMap(f -> certificateWithSecret(r, f.secret()))
                .map(c -> c.spec().issuerRef().name())
                .orElseThrow(() -> new AssertionError(r.namespace() + ": Keycloak's certificate is not found"));
    }

    /**
     * The tokens' issuer is Keycloak's public URL whichever way a token was fetched: KC_HOSTNAME is a full URL (so
     * Keycloak never derives the issuer from the request), the services expect exactly it, and only the back-channel
     * endpoints follow the request (KC_HOSTNAME_BACKCHANNEL_DYNAMIC). In prod the public URL is HTTPS.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theIssuerIsThePublicUrlInsideAndOutside(String overlay) {
        Rendered r = Overlays.render(overlay);
        Map<String, Env> kcEnv = Overlays.env(r, Overlays.container(r.get(Deployment.class, "keycloak")));
        URI hostname = URI.create(Overlays.literal(kcEnv, "KC_HOSTNAME", overlay + " keycloak"));
        assertTrue(hostname.getScheme() != null && hostname.getHost() != null,
                overlay + ": KC_HOSTNAME must be a full URL, or the issuer follows the request's host");
        if (overlay.equals("prod")) {
            assertEquals("https", hostname.getScheme(), "prod: the public URL (and issuer) must be HTTPS");
        }
        String issuer = hostname + "/realms/" + KeycloakRealmTest.realmJson().path("realm").asText();
        for (ServiceFacts s : Facts.SERVICES) {
            Map<String, Env> env = Overlays.env(r, Overlays.container(r.get(Deployment.class, s.name())));
            assertEquals(issuer, Overlays.literal(env, "QUARKUS_OIDC_TOKEN_ISSUER", overlay + " " + s.name()),
                    overlay + " " + s.name() + ": expected issuer");
        }
    }

    /** In prod the public ingress routes /realms/ and /resources/ of Keycloak, never the admin console or /admin API. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void keycloakAdminConsoleIsNotOnThePublicIngressInProd(String overlay) {
        Rendered r = Overlays.render(overlay);
        if (!overlay.equals("prod")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        int routed = 0;
        for (Ingress ingress : r.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    if (!"keycloak".equals(path.getBackend().getService().getName())) {
                        continue;
                    }
                    routed++;
                    String p = path.getPath() == null ? "/" : path.getPath();
                    for (String admin : List.of("/admin", "/admin/", "/admin/master/console/", "/admin/realms/x")) {
                        if (matches(path.getPathType(), p, admin)) {
                            problems.add("prod: Ingress " + ingress.getMetadata().getName() + " " + rule.getHost() + p
                                    + " routes " + admin + " to Keycloak");
                        }
                    }
                }
            }
        }
        assertTrue(routed > 0, "prod: Keycloak is not on the ingress at all (browsers need /realms/)");
        Map<String, Env> kcEnv = Overlays.env(r, Overlays.container(r.get(Deployment.class, "keycloak")));
        String admin = value(kcEnv, "KC_HOSTNAME_ADMIN");
        String publicHost = URI.create(Overlays.literal(kcEnv, "KC_HOSTNAME", "prod keycloak")).getHost();
        if (admin == null || publicHost.equals(URI.create(admin).getHost())) {
            problems.add("prod: KC_HOSTNAME_ADMIN must name a host other than the public one");
        }
        ReferencesTest.assertNoProblems(problems);
    }

    /** Ingress path matching: Prefix matches whole path elements, Exact the path itself, anything else: pessimistic. */
    static boolean matches(String type, String path, String request) {
        if ("Exact".equals(type)) {
            return path.equals(request);
        }
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!"Prefix".equals(type)) {
            return request.startsWith(prefix);
        }
        return prefix.isEmpty() || request.equals(prefix) || request.startsWith(prefix + "/");
    }

    private static void expectMountedFrom(List<String> problems, String what, Deployment d, Container c, String path,
            Set<SecretFile> expected) {
        if (path == null) {
            problems.add(what + " is not set");
            return;
        }
        Optional<SecretFile> f = file(d, c, path);
        if (f.isEmpty() || !expected.contains(f.get())) {
            problems.add(what + " = " + path + " is " + f.map(x -> "key " + x.key() + " of Secret " + x.secret())
                    .orElse("no file mounted from a Secret") + ", expected " + expected);
        }
    }

    private static Optional<SecretFile> file(Deployment d, Container c, String path) {
        return path == null ? Optional.empty() : Mounts.secretFile(d, c, path);
    }

    private static Optional<CertManagerCertificate> certificateWithSecret(Rendered r, String secret) {
        return r.all(CertManagerCertificate.class).stream().filter(c -> secret.equals(c.spec().secretName())).findFirst();
    }

    private static String value(Map<String, Env> env, String name) {
        Env e = env.get(name);
        return e == null ? null : e.value();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return q;
    }
}
