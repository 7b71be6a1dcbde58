package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal real OIDC provider over HTTP (or HTTPS): discovery document and JWKS for the keys of a
 * {@link TokenIssuer}. Services configured with {@code quarkus.oidc.auth-server-url} pointing here verify
 * tokens exactly as they would against Keycloak: discovery, key download, signature, issuer, audience, expiry.
 */
public final class OidcProvider implements AutoCloseable {

    private final HttpServer server;
    private final TokenIssuer issuer;

    private OidcProvider(HttpServer server, TokenIssuer issuer) {
        this.server = server;
        this.issuer = issuer;
    }

    public static OidcProvider start(TokenIssuer issuer, int port) {
        return start(issuer, port, null);
    }

    /** Like {@link #start(TokenIssuer, int)}, over HTTPS with {@code tls}'s server certificate when it is not null. */
    public static OidcProvider start(TokenIssuer issuer, int port, TlsMaterial tls) {
        try {
            HttpServer server;
            if (tls == null) {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } else {
                com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(
                        new InetSocketAddress("127.0.0.1", port), 0);
                https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls.serverContext()));
                server = https;
            }
            OidcProvider provider = new OidcProvider(server, issuer);
            server.createContext("/.well-known/openid-configuration", provider::discovery);
            server.createContext("/jwks", provider::jwks);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "oidc-provider");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OIDC provider on port " + port, e);
        }
    }

    /** The value for quarkus.oidc.auth-server-url. */
    public String url() {
        String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public TokenIssuer issuer() {
        return issuer;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer.issuer());
        doc.put("jwks_uri", url() + "/jwks");
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        reply(exchange, TokenIssuer.Json.write(doc));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = (RSAPublicKey) issuer.publicKey();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", TokenIssuer.KEY_ID);
        jwk.put("n", unsigned(key.getModulus()));
        jwk.put("e", unsigned(key.getPublicExponent()));
        reply(exchange, TokenIssuer.Json.write(Map.of("keys", List.of(jwk))));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
