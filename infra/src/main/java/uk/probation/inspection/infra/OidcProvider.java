package uk.probation.inspection.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import uk.probation.inspection.infra.LocalPeople.Person;

/**
 * A small but real OIDC provider over HTTP (or HTTPS) for ./run and the tests, speaking to the services exactly as
 * Keycloak would: discovery, JWKS, and for browsers the authorization code flow with PKCE (S256 only), state and
 * nonce round-tripped, a sign-in page listing {@link LocalPeople} (choosing a person is the local "login"), a
 * provider session (cookie) so a second service signs in without asking again, the token endpoint for the
 * {@code authorization_code} and {@code refresh_token} grants (short-lived access tokens, rotating refresh tokens),
 * userinfo, and end-session (RP-initiated logout) that ends the provider session and every refresh token of it.
 * <p>
 * Only the public client {@value #CLIENT_ID} is known, and only loopback redirect URIs are accepted: this is a
 * development provider. Bearer tokens signed directly with the {@link TokenIssuer} ({@code ./run token}, tests)
 * are accepted by the services as before: they carry the same issuer and key.
 */
public final class OidcProvider implements AutoCloseable {

    /** The browser client, as in the deploy's Keycloak realm. */
    public static final String CLIENT_ID = "inspection-web";
    /** Lifetime of access and ID tokens of the code flow unless told otherwise (as the deploy's realm: 5 minutes). */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(5);
    static final String SESSION_COOKIE = "pip_oidc_session";
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);
    private static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    private static final int MAX_PENDING = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final TokenIssuer issuer;
    private final Duration tokenLifetime;
    private final SecureRandom random = new SecureRandom();
    /** Authorization requests waiting for a person to be chosen, by request id. */
    private final Map<String, AuthRequest> requests = new ConcurrentHashMap<>();
    /** Issued codes, each usable once. */
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    /** Live refresh tokens (rotated on use). */
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    /** Provider sessions by id (the value of the session cookie). */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger refreshGrants = new AtomicInteger();

    /** What the client asked for in /authorize. */
    private record AuthRequest(String clientId, String redirectUri, String state, String nonce, String challenge,
            String scope, Instant expires) {
    }

    /** A signed-in person at the provider. */
    private record Session(String id, Person person, Instant authTime) {
    }

    /** What a code or refresh token stands for. */
    private record Grant(AuthRequest request, Session session, Instant expires) {
    }

    private OidcProvider(HttpServer server, TokenIssuer issuer, Duration tokenLifetime) {
        this.server = server;
        this.issuer = issuer;
        this.tokenLifetime = tokenLifetime;
    }

    public static OidcProvider start(TokenIssuer issuer, int port) {
        return start(issuer, port, null);
    }

    /** Like {@link #start(TokenIssuer, int)}, over HTTPS with {@code tls}'s server certificate when it is not null. */
    public static OidcProvider start(TokenIssuer issuer, int port, TlsMaterial tls) {
        return start(issuer, port, tls, DEFAULT_TOKEN_LIFETIME);
    }

    /** {@code tokenLifetime}: of the code flow's access and ID tokens (tests shorten it to see renewal). */
    public static OidcProvider start(TokenIssuer issuer, int port, TlsMaterial tls, Duration tokenLifetime) {
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
            OidcProvider provider = new OidcProvider(server, issuer, tokenLifetime);
            server.createContext("/.well-known/openid-configuration", provider.guarded(provider::discovery));
            server.createContext("/jwks", provider.guarded(provider::jwks));
            server.createContext("/authorize", provider.guarded(provider::authorize));
            server.createContext("/token", provider.guarded(provider::token));
            server.createContext("/userinfo", provider.guarded(provider::userinfo));
            server.createContext("/logout", provider.guarded(provider::endSession));
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
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

    /** How many refresh_token grants were answered with new tokens (what a renewal test looks for). */
    public int refreshGrants() {
        return refreshGrants.get();
    }

    /** How many provider sessions are signed in now. */
    public int sessions() {
        return sessions.size();
    }

    // ---- discovery and keys ----

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer.issuer());
        doc.put("authorization_endpoint", url() + "/authorize");
        doc.put("token_endpoint", url() + "/token");
        doc.put("userinfo_endpoint", url() + "/userinfo");
        doc.put("end_session_endpoint", url() + "/logout");
        doc.put("jwks_uri", url() + "/jwks");
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("response_modes_supported", List.of("query"));
        doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("none"));
        doc.put("scopes_supported", List.of("openid", "profile"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("claims_supported", List.of("sub", "preferred_username", "name", "groups", "region", "sid", "nonce"));
        json(exchange, 200, TokenIssuer.Json.write(doc));
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
        json(exchange, 200, TokenIssuer.Json.write(Map.of("keys", List.of(jwk))));
    }

    // ---- authorization endpoint and the sign-in page ----

    private void authorize(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            signIn(exchange);
            return;
        }
        Map<String, String> q = query(exchange);
        String redirectUri = q.get("redirect_uri");
        // Errors about the client or its redirect URI are shown here: redirecting them would make an open redirector.
        if (!CLIENT_ID.equals(q.get("client_id"))) {
            page(exchange, 400, "Unknown client", "<p>This provider knows only the client <code>" + CLIENT_ID + "</code>.</p>");
            return;
        }
        if (!loopback(redirectUri)) {
            page(exchange, 400, "Redirect URI refused", "<p>Only http(s) redirect URIs on 127.0.0.1 or localhost are accepted.</p>");
            return;
        }
        String state = q.get("state");
        if (!"code".equals(q.get("response_type"))) {
            redirectError(exchange, redirectUri, state, "unsupported_response_type", "only response_type=code");
            return;
        }
        String scope = q.getOrDefault("scope", "");
        if (!List.of(scope.split(" ")).contains("openid")) {
            redirectError(exchange, redirectUri, state, "invalid_scope", "scope must include openid");
            return;
        }
        String challenge = q.get("code_challenge");
        if (challenge == null || !"S256".equals(q.get("code_challenge_method")) || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            redirectError(exchange, redirectUri, state, "invalid_request", "PKCE with code_challenge_method=S256 is required");
            return;
        }
        if (state == null || state.isBlank()) {
            redirectError(exchange, redirectUri, null, "invalid_request", "state is required");
            return;
        }
        AuthRequest request = new AuthRequest(CLIENT_ID, redirectUri, state, q.get("nonce"), challenge, scope,
                Instant.now().plus(REQUEST_LIFETIME));
        Optional<Session> session = session(exchange);
        if (session.isPresent() && !"login".equals(q.get("prompt"))) {
            // Single sign-on: the person signed in here already (for another service, or before this one's expired).
            redirectWithCode(exchange, request, session.get());
            return;
        }
        if ("none".equals(q.get("prompt"))) {
            redirectError(exchange, redirectUri, state, "login_required", "no session at the provider");
            return;
        }
        String requestId = put(requests, request);
        StringBuilder people = new StringBuilder("<ul class=\"people\">");
        for (Person person : LocalPeople.ALL) {
            people.append("<li><form method=\"post\" action=\"/authorize\">")
                    .append("<input type=\"hidden\" name=\"request\" value=\"").append(requestId).append("\">")
                    .append("<input type=\"hidden\" name=\"person\" value=\"").append(html(person.username())).append("\">")
                    .append("<button type=\"submit\" id=\"sign-in-").append(html(person.username())).append("\">Sign in as ")
                    .append(html(person.name())).append("</button> <span class=\"role\">").append(html(person.role()))
                    .append(person.region() == null ? "" : "*".equals(person.region()) ? ", every region"
                            : ", region " + html(person.region()))
                    .append("</span></form></li>");
        }
        people.append("</ul>");
        page(exchange, 200, "Sign in to Probation Inspection (local)",
                "<p>This is the local development identity provider. Choose who you are; no password is asked.</p>"
                        + people);
    }

    private void signIn(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        AuthRequest request = take(requests, form.get("request"));
        Optional<Person> person = LocalPeople.byUsername(form.getOrDefault("person", ""));
        if (request == null || person.isEmpty()) {
            page(exchange, 400, "Sign-in expired", "<p>This sign-in page has expired or was already used. Go back to the "
                    + "service and start again.</p>");
            return;
        }
        Session session = new Session(randomId(), person.get(), Instant.now());
        sessions.put(session.id(), session);
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + session.id()
                + "; Path=/; HttpOnly; SameSite=Lax" + (secure() ? "; Secure" : ""));
        redirectWithCode(exchange, request, session);
    }

    private void redirectWithCode(HttpExchange exchange, AuthRequest request, Session session) throws IOException {
        String code = put(codes, new Grant(request, session, Instant.now().plus(CODE_LIFETIME)));
        redirect(exchange, request.redirectUri() + (request.redirectUri().contains("?") ? "&" : "?")
                + "code=" + enc(code) + "&state=" + enc(request.state()));
    }

    private void redirectError(HttpExchange exchange, String redirectUri, String state, String error, String description)
            throws IOException {
        redirect(exchange, redirectUri + (redirectUri.contains("?") ? "&" : "?") + "error=" + enc(error)
                + "&error_description=" + enc(description) + (state == null ? "" : "&state=" + enc(state)));
    }

    // ---- token endpoint ----

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            tokenError(exchange, 405, "invalid_request", "POST only");
            return;
        }
        Map<String, String> form = form(exchange);
        String clientId = clientId(exchange, form);
        if (!CLIENT_ID.equals(clientId)) {
            tokenError(exchange, 401, "invalid_client", "unknown client");
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> codeGrant(exchange, form);
            case "refresh_token" -> refreshGrant(exchange, form);
            default -> tokenError(exchange, 400, "unsupported_grant_type", "authorization_code or refresh_token");
        }
    }

    private void codeGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
        Grant grant = take(codes, form.get("code")); // one use, whatever happens next
        if (grant == null || !sessions.containsKey(grant.session().id())) {
            tokenError(exchange, 400, "invalid_grant", "unknown, used or expired code");
            return;
        }
        if (!grant.request().redirectUri().equals(form.get("redirect_uri"))) {
            tokenError(exchange, 400, "invalid_grant", "redirect_uri differs from the authorization request's");
            return;
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")
                || !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                        grant.request().challenge().getBytes(StandardCharsets.US_ASCII))) {
            tokenError(exchange, 400, "invalid_grant", "PKCE verification failed");
            return;
        }
        issueTokens(exchange, grant.request(), grant.session());
    }

    private void refreshGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
        Grant grant = take(refreshTokens, form.get("refresh_token")); // rotated: the old one is spent
        if (grant == null || !sessions.containsKey(grant.session().id())) {
            tokenError(exchange, 400, "invalid_grant", "unknown, used or expired refresh token, or the session ended");
            return;
        }
        refreshGrants.incrementAndGet();
        issueTokens(exchange, grant.request(), grant.session());
    }

    private void issueTokens(HttpExchange exchange, AuthRequest request, Session session)
            throws IOException {
        Person person = session.person();
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sub", person.username());
        identity.put("preferred_username", person.username());
        identity.put("name", person.name());
        identity.put("groups", List.of(person.role()));
        if (person.region() != null) {
            identity.put("region", person.region());
        }
        identity.put("sid", session.id());
        Map<String, Object> access = new LinkedHashMap<>(identity);
        access.put("azp", request.clientId());
        access.put("scope", request.scope());
        Map<String, Object> id = new LinkedHashMap<>(identity);
        id.put("aud", request.clientId());
        id.put("azp", request.clientId());
        id.put("auth_time", session.authTime().getEpochSecond());
        if (request.nonce() != null) { // refreshed ID tokens keep the nonce of the sign-in, as Keycloak's do
            id.put("nonce", request.nonce());
        }
        String refresh = put(refreshTokens, new Grant(request, session, Instant.now().plus(SESSION_IDLE)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issuer.sign(access, tokenLifetime));
        body.put("token_type", "Bearer");
        body.put("expires_in", tokenLifetime.toSeconds());
        body.put("id_token", issuer.sign(id, tokenLifetime));
        body.put("refresh_token", refresh);
        body.put("refresh_expires_in", SESSION_IDLE.toSeconds());
        body.put("scope", request.scope());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        json(exchange, 200, TokenIssuer.Json.write(body));
    }

    private void tokenError(HttpExchange exchange, int status, String error, String description) throws IOException {
        json(exchange, status, TokenIssuer.Json.write(Map.of("error", error, "error_description", description)));
    }

    // ---- userinfo ----

    private void userinfo(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> claims = header == null || !header.startsWith("Bearer ") ? null : verified(header.substring(7));
        if (claims == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            json(exchange, 401, TokenIssuer.Json.write(Map.of("error", "invalid_token")));
            return;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        for (String claim : List.of("sub", "preferred_username", "name", "groups", "region")) {
            if (claims.containsKey(claim)) {
                info.put(claim, claims.get(claim));
            }
        }
        json(exchange, 200, JSON.writeValueAsString(info));
    }

    // ---- end session (RP-initiated logout) ----

    private void endSession(HttpExchange exchange) throws IOException {
        Map<String, String> params = "POST".equals(exchange.getRequestMethod()) ? form(exchange) : query(exchange);
        String redirect = params.get("post_logout_redirect_uri");
        if (redirect != null && !loopback(redirect)) {
            page(exchange, 400, "Redirect URI refused", "<p>Only http(s) redirect URIs on 127.0.0.1 or localhost are accepted.</p>");
            return;
        }
        // The session named by the browser's cookie, and the one the ID token hint was issued in (same one, normally).
        session(exchange).ifPresent(s -> end(s.id()));
        Map<String, Object> hint = params.get("id_token_hint") == null ? null : verified(params.get("id_token_hint"));
        if (hint != null && hint.get("sid") instanceof String sid) {
            end(sid);
        }
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        if (redirect == null) {
            page(exchange, 200, "Signed out", "<p>You are signed out of the local identity provider.</p>");
            return;
        }
        String state = params.get("state");
        redirect(exchange, state == null ? redirect : redirect + (redirect.contains("?") ? "&" : "?") + "state=" + enc(state));
    }

    private void end(String sessionId) {
        if (sessions.remove(sessionId) != null) {
            refreshTokens.values().removeIf(g -> g.session().id().equals(sessionId));
            codes.values().removeIf(g -> g.session().id().equals(sessionId));
        }
    }

    // ---- helpers ----

    private Optional<Session> session(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(SESSION_COOKIE) && sessions.containsKey(pair[1])) {
                    return Optional.of(sessions.get(pair[1]));
                }
            }
        }
        return Optional.empty();
    }

    /** The claims of a token signed here and not expired, else null. */
    private Map<String, Object> verified(String jwt) {
        if (!issuer.signedHere(jwt)) {
            return null;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
            Object exp = claims.get("exp");
            return exp instanceof Number n && n.longValue() > Instant.now().getEpochSecond() ? claims : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Public client: client_id in the form, or HTTP Basic with an empty secret as some clients send it. */
    private static String clientId(HttpExchange exchange, Map<String, String> form) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
                return URLDecoder.decode(decoded.split(":", 2)[0], StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return form.get("client_id");
    }

    /** http(s) on a loopback host: this provider only ever sends browsers back to this machine. */
    static boolean loopback(String uri) {
        if (uri == null || uri.length() > 2000) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                    && ("127.0.0.1".equals(parsed.getHost()) || "localhost".equals(parsed.getHost()))
                    && parsed.getRawUserInfo() == null && parsed.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private <T> String put(Map<String, T> map, T value) {
        if (map.size() >= MAX_PENDING) {
            purge();
        }
        if (map.size() >= MAX_PENDING) {
            throw new IllegalStateException("too many pending sign-ins");
        }
        String id = randomId();
        map.put(id, value);
        return id;
    }

    /** Removes and returns the entry if it has not expired. */
    private static <T> T take(Map<String, T> map, String key) {
        if (key == null) {
            return null;
        }
        T value = map.remove(key);
        Instant expires = value instanceof AuthRequest r ? r.expires() : value instanceof Grant g ? g.expires() : null;
        return expires != null && expires.isAfter(Instant.now()) ? value : null;
    }

    private void purge() {
        Instant now = Instant.now();
        requests.values().removeIf(r -> r.expires().isBefore(now));
        codes.values().removeIf(g -> g.expires().isBefore(now));
        refreshTokens.values().removeIf(g -> g.expires().isBefore(now));
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean secure() {
        return server instanceof com.sun.net.httpserver.HttpsServer;
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return parse(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(64 * 1024);
            return parse(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                params.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException malformed) {
                // ignored: a malformed pair is as good as absent
            }
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String html(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** Any unexpected failure is a 500 with no detail, never a hung exchange. */
    private com.sun.net.httpserver.HttpHandler guarded(Handler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                try {
                    exchange.sendResponseHeaders(500, -1);
                } catch (IOException | RuntimeException ignored) {
                    // headers were sent already
                }
            } finally {
                exchange.close();
            }
        };
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        String doc = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
                + "body{font-family:Arial,sans-serif;margin:2rem;max-width:40rem;color:#0b0c0c}"
                + "ul.people{list-style:none;padding:0}ul.people li{margin:0 0 1rem}"
                + "button{font-size:1.1rem;padding:.5rem 1rem;background:#00703c;color:#fff;border:0;cursor:pointer}"
                + "button:focus{outline:3px solid #fd0;outline-offset:0}.role{margin-left:.5rem;color:#505a5f}"
                + "</style></head><body><main><h1>" + html(title) + "</h1>" + body + "</main></body></html>";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
