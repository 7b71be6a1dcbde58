package uk.probation.inspection.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.infra.test.CodeFlowClient;

/** The local provider's code flow over real HTTP, as a client would use it, including what it must refuse. */
class OidcProviderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REDIRECT = "http://127.0.0.1:1/callback";
    static final String VERIFIER = "a".repeat(20) + "-verifier-of-enough-length-0123456789";
    static OidcProvider provider;

    @BeforeAll
    static void start() {
        provider = OidcProvider.start(TokenIssuer.ephemeral(TokenIssuer.LOCAL_ISSUER), Ports.free(), null,
                Duration.ofMinutes(1));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    static String authorize(String redirect, String challenge) {
        return provider.url() + "/authorize?response_type=code&client_id=inspection-web&scope=openid&state=s1&nonce=n1"
                + "&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
    }

    /** Signs {@code person} in with a fresh browser; returns the code. */
    static String code(CodeFlowClient browser, String person) {
        HttpResponse<String> page = browser.get(authorize(REDIRECT, OidcProvider.s256(VERIFIER)));
        assertEquals(200, page.statusCode());
        HttpResponse<String> chosen = browser.postForm(provider.url() + "/authorize",
                Map.of("request", CodeFlowClient.signInRequest(page.body(), person), "person", person));
        assertEquals(302, chosen.statusCode());
        Map<String, String> back = CodeFlowClient.query(CodeFlowClient.location(chosen));
        assertEquals("s1", back.get("state"));
        return back.get("code");
    }

    static HttpResponse<String> token(CodeFlowClient client, Map<String, String> form) {
        return client.postForm(provider.url() + "/token", form);
    }

    static Map<String, String> codeGrant(String code, String verifier) {
        return Map.of("grant_type", "authorization_code", "client_id", "inspection-web", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", verifier);
    }

    @Test
    void discoveryListsTheFlowsEndpoints() throws Exception {
        JsonNode doc = JSON.readTree(new CodeFlowClient().json(provider.url() + "/.well-known/openid-configuration").body());
        for (String endpoint : new String[] { "authorization_endpoint", "token_endpoint", "end_session_endpoint",
                "jwks_uri", "userinfo_endpoint" }) {
            assertTrue(doc.get(endpoint).asText().startsWith(provider.url() + "/"), endpoint);
        }
        assertEquals("[\"S256\"]", doc.get("code_challenge_methods_supported").toString());
    }

    @Test
    void codeForTokensWithPkceOnceOnly() throws Exception {
        CodeFlowClient browser = new CodeFlowClient();
        String code = code(browser, "vic");
        CodeFlowClient backend = new CodeFlowClient();
        assertEquals(400, token(backend, codeGrant(code, VERIFIER.replace('a', 'b'))).statusCode(), "wrong verifier");
        // the failed attempt spent the code
        assertEquals(400, token(backend, codeGrant(code, VERIFIER)).statusCode());

        // The provider session signs the same browser in again without asking (single sign-on).
        HttpResponse<String> sso = browser.get(authorize(REDIRECT, OidcProvider.s256(VERIFIER)));
        assertEquals(302, sso.statusCode(), "no sign-in page the second time");
        String second = CodeFlowClient.query(CodeFlowClient.location(sso)).get("code");
        HttpResponse<String> ok = token(backend, codeGrant(second, VERIFIER));
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode tokens = JSON.readTree(ok.body());
        String id = CodeFlowClient.jwtPayload(tokens.get("id_token").asText());
        assertTrue(id.contains("\"nonce\":\"n1\"") && id.contains("\"aud\":\"inspection-web\"")
                && id.contains("\"region\":\"London\"") && id.contains("\"groups\":[\"viewer\"]"), id);
        assertTrue(CodeFlowClient.jwtPayload(tokens.get("access_token").asText()).contains("\"aud\":\"probation-inspection\""));
        assertEquals(400, token(backend, codeGrant(second, VERIFIER)).statusCode(), "a code is used once");

        // refresh rotates: the new refresh token works, the old one is spent
        String refresh = tokens.get("refresh_token").asText();
        HttpResponse<String> refreshed = token(backend, Map.of("grant_type", "refresh_token", "client_id", "inspection-web",
                "refresh_token", refresh));
        assertEquals(200, refreshed.statusCode());
        assertEquals(400, token(backend, Map.of("grant_type", "refresh_token", "client_id", "inspection-web",
                "refresh_token", refresh)).statusCode());
        String next = JSON.readTree(refreshed.body()).get("refresh_token").asText();

        // end-session: back to the client, and the session's refresh tokens are dead
        HttpResponse<String> logout = browser.get(provider.url() + "/logout?post_logout_redirect_uri="
                + URLEncoder.encode("http://127.0.0.1:1/signed-out", StandardCharsets.UTF_8) + "&state=x&id_token_hint="
                + tokens.get("id_token").asText());
        assertEquals(302, logout.statusCode());
        assertEquals("http://127.0.0.1:1/signed-out?state=x", CodeFlowClient.location(logout));
        assertEquals(400, token(backend, Map.of("grant_type", "refresh_token", "client_id", "inspection-web",
                "refresh_token", next)).statusCode());
        // and the next authorize asks who you are
        assertTrue(browser.get(authorize(REDIRECT, OidcProvider.s256(VERIFIER))).body().contains("Sign in as"));
    }

    @Test
    void refusesWhatItMust() {
        CodeFlowClient browser = new CodeFlowClient();
        assertEquals(400, browser.get(authorize("https://evil.example/cb", OidcProvider.s256(VERIFIER))).statusCode(),
                "only loopback redirects, shown not redirected");
        assertEquals(400, browser.get(authorize(REDIRECT, OidcProvider.s256(VERIFIER)).replace("inspection-web", "other"))
                .statusCode(), "unknown client");
        HttpResponse<String> noPkce = browser.get(authorize(REDIRECT, OidcProvider.s256(VERIFIER))
                .replace("code_challenge_method=S256", "code_challenge_method=plain"));
        assertEquals(302, noPkce.statusCode());
        assertTrue(CodeFlowClient.location(noPkce).contains("error=invalid_request"));
        assertEquals(400, browser.postForm(provider.url() + "/authorize", Map.of("request", "forged", "person", "lena"))
                .statusCode());
        assertEquals(401, token(new CodeFlowClient(), Map.of("grant_type", "authorization_code", "client_id", "other"))
                .statusCode());
        assertFalse(OidcProvider.loopback("http://127.0.0.1.evil.example/"));
        assertFalse(OidcProvider.loopback("http://user@127.0.0.1/"));
        assertTrue(OidcProvider.loopback("http://localhost:8081/workspace/"));
    }
}
