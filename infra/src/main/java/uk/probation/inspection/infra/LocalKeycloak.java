package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak from its Maven Central distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked), run
 * in development mode on a free loopback port with the deploy's realm export imported unchanged, for end-to-end
 * tests. It needs a JDK 21+ ({@link #findJdk()}); the build's JDK 17 cannot run it. People are created through
 * Keycloak's admin REST API with the bootstrap administrator of the master realm.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "probation-inspection";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final String adminPassword;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LocalKeycloak(Process process, int port, String adminPassword, Path log) {
        this.process = process;
        this.port = port;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    /**
     * A JDK 21 or later to run Keycloak with: {@code KEYCLOAK_JAVA_HOME} when set (.ci/run sets it), else the newest
     * such JDK under /usr/lib/jvm (these machines have Temurin 25 there beside the default 17).
     */
    public static Optional<Path> findJdk() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            return feature(home) >= 21 ? Optional.of(home) : Optional.empty();
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> feature(h) >= 21).max(Comparator.comparingInt(LocalKeycloak::feature));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDK's feature version from its {@code release} file (JAVA_VERSION="25.0.1"), 0 when not a JDK. */
    static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Starts Keycloak from the unpacked distribution {@code dist} (the directory holding bin/kc.sh) with the realm
     * export {@code realm} imported, and waits until the realm's discovery document answers.
     */
    public static LocalKeycloak start(Path dist, Path jdk, Path realm, Path runDir) {
        int port = Ports.free();
        String password = TlsMaterial.randomPassword();
        Path log = runDir.resolve("keycloak.log");
        try {
            Files.createDirectories(runDir);
            // A fresh development database each run: the realm is imported from the export, never an old copy.
            deleteRecursively(dist.resolve("data"));
            Path imports = Files.createDirectories(dist.resolve("data").resolve("import"));
            Files.copy(realm, imports.resolve(realm.getFileName()));
            Path kc = dist.resolve("bin").resolve("kc.sh");
            kc.toFile().setExecutable(true);
            ProcessBuilder builder = new ProcessBuilder(kc.toString(), "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + Ports.free(),
                    "--cache=local")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", jdk.toString());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "bootstrap-admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            LocalKeycloak keycloak = new LocalKeycloak(builder.start(), port, password, log);
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "stop-keycloak"));
            keycloak.awaitReady(Duration.ofSeconds(180));
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + dist, e);
        }
    }

    /** http://127.0.0.1:PORT */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm URL: the services' quarkus.oidc.auth-server-url, and the issuer of its tokens. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up; see " + log + "; it ended with:\n"
                        + JavaProcess.tail(log, 40));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create(realmUrl() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + log);
    }

    /**
     * Creates a person in the realm through the admin REST API: a password that is not temporary, the profile the
     * realm's user profile requires (so no action is asked at first sign-in), one realm role, and the {@code region}
     * attribute when not null. Returns the user's id (the {@code sub} of their tokens).
     */
    public String createUser(String username, String firstName, String lastName, String password, String role,
            String region) {
        String admin = adminToken();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        user.put("email", username + "@probation-inspection.example");
        user.put("emailVerified", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        if (region != null) {
            user.put("attributes", Map.of("region", List.of(region)));
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(user))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating " + username + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> roleJson = send(HttpRequest.newBuilder(
                URI.create(url() + "/admin/realms/" + REALM + "/roles/" + URLEncoder.encode(role, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + admin).GET());
        if (roleJson.statusCode() != 200) {
            throw new IllegalStateException("role " + role + ": " + roleJson.statusCode() + " " + roleJson.body());
        }
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(
                URI.create(url() + "/admin/realms/" + REALM + "/users/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleJson.body() + "]")));
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("granting " + role + " to " + username + ": " + mapped.statusCode() + " " + mapped.body());
        }
        return id;
    }

    /** An access token of the master realm's bootstrap administrator (admin-cli, password grant). */
    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=bootstrap-admin&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    /**
     * Exchanges an authorization code of {@code clientId} (a public client) at the realm's token endpoint with its
     * PKCE verifier; returns the token response.
     */
    public JsonNode exchangeCode(String clientId, String code, String redirectUri, String verifier) {
        String form = "grant_type=authorization_code&client_id=" + enc(clientId) + "&code=" + enc(code)
                + "&redirect_uri=" + enc(redirectUri) + "&code_verifier=" + enc(verifier);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("code exchange: " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Stops Keycloak (SIGTERM to it and the JVM kc.sh started, then SIGKILL after 20 s). Idempotent. */
    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(20);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }
}
