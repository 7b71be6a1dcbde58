package uk.probation.inspection.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.infra.test.CodeFlowClient;
import uk.probation.inspection.infra.test.OidcTestResource;

/**
 * Browser sign-in over real HTTP against the local OIDC provider: a page without a session goes to the provider
 * (code flow, PKCE S256, state and nonce), the person is chosen on its sign-in page and comes back with an
 * encrypted session cookie; a tampered state is refused (no session; sign-in starts over); the session renews its tokens with the refresh token
 * before they expire; sign-out ends the provider session too, after which the old cookie cannot be renewed; no
 * access token is ever in a URL. The API keeps its bearer behaviour: without a token, 401.
 */
@QuarkusTest
class SignInTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SESSION_COOKIE = "q_session_web_cases";

    String app() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    /** Page → provider → sign-in page → chosen person → back at the callback (not yet followed). */
    HttpResponse<String> toCallback(CodeFlowClient browser, String person, Map<String, String> authorizeParams) {
        HttpResponse<String> page = browser.get(app() + "/workspace/session");
        assertEquals(302, page.statusCode(), "a page without a session goes to sign in");
        String authorize = CodeFlowClient.location(page);
        assertTrue(authorize.startsWith(OidcTestResource.url() + "/authorize?"), authorize);
        authorizeParams.putAll(CodeFlowClient.query(authorize));
        HttpResponse<String> signIn = browser.get(authorize);
        assertEquals(200, signIn.statusCode());
        assertTrue(signIn.body().contains("Sign in as Lena Lead") && signIn.body().contains("Vic Viewer"), signIn.body());
        HttpResponse<String> chosen = browser.postForm(OidcTestResource.url() + "/authorize",
                Map.of("request", CodeFlowClient.signInRequest(signIn.body(), person), "person", person));
        assertEquals(302, chosen.statusCode());
        return chosen;
    }

    @Test
    void signInRenewSignOut() throws Exception {
        String id = Api.openInspection("lena", "Sign-in PDU", "London");
        CodeFlowClient browser = new CodeFlowClient();
        Map<String, String> authorize = new java.util.LinkedHashMap<>();
        HttpResponse<String> callback = toCallback(browser, "lena", authorize);
        assertEquals("code", authorize.get("response_type"));
        assertEquals("inspection-web", authorize.get("client_id"));
        assertEquals("S256", authorize.get("code_challenge_method"));
        assertNotNull(authorize.get("code_challenge"));
        assertNotNull(authorize.get("state"));
        assertNotNull(authorize.get("nonce"), "nonce sent");
        assertTrue(authorize.get("redirect_uri").startsWith(app() + "/workspace/"), authorize.get("redirect_uri"));
        String back = CodeFlowClient.location(callback);
        assertEquals(authorize.get("state"), CodeFlowClient.query(back).get("state"));

        // quarkus-oidc exchanges the code (with the PKCE verifier), checks state and nonce, sets the session cookie
        // and sends the browser to the page it asked for, without code and state in its URL.
        HttpResponse<String> exchanged = browser.get(back);
        assertEquals(302, exchanged.statusCode(), exchanged.body());
        assertEquals(app() + "/workspace/session", CodeFlowClient.location(exchanged));
        HttpCookie session = browser.cookies(SESSION_COOKIE).get(0);
        assertTrue(session.isHttpOnly(), "session cookie is HttpOnly");
        assertUnreadable(session.getValue());
        String exchangedHeader = exchanged.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(exchangedHeader.toLowerCase().contains("samesite=lax"), exchangedHeader);

        HttpResponse<String> signedIn = browser.follow(exchanged);
        assertEquals(200, signedIn.statusCode(), signedIn.uri() + " " + signedIn.headers().map() + " " + signedIn.body());
        JsonNode me = JSON.readTree(signedIn.body());
        assertEquals("lena", me.get("username").asText());
        assertEquals("Lena Lead", me.get("name").asText());
        assertEquals("[\"lead-inspector\"]", me.get("roles").toString());
        assertEquals("/workspace/sign-out", me.get("signOut").asText());
        long firstExpiry = me.get("expiresAt").asLong();

        // The page's script calls the API on the session; the API without it (or without X-Requested-With) is 401.
        HttpResponse<String> fromScript = browser.script(app() + "/inspections/" + id);
        assertEquals(200, fromScript.statusCode(), fromScript.body());
        assertEquals("Sign-in PDU", JSON.readTree(fromScript.body()).get("name").asText());
        assertEquals(401, browser.json(app() + "/inspections/" + id).statusCode(), "a cookie alone is not enough");
        assertEquals(401, new CodeFlowClient().script(app() + "/inspections/" + id).statusCode());
        HttpResponse<String> apiInABrowser = new CodeFlowClient().get(app() + "/inspections");
        assertEquals(401, apiInABrowser.statusCode(), "the API never sends anyone to sign in");
        assertFalse(apiInABrowser.headers().firstValue("Location").isPresent());

        // Renewal: once the tokens are within the refresh skew of expiring, the next request renews them with the
        // refresh token (no visit to the provider's sign-in page) and the cookie is replaced.
        awaitRenewalWindow(firstExpiry);
        HttpResponse<String> renewed = browser.get(app() + "/workspace/session");
        assertEquals(200, renewed.statusCode(), "renewed in place, no redirect: " + renewed.headers().map());
        assertTrue(renewed.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(SESSION_COOKIE + "=")),
                "a new session cookie: " + renewed.headers().allValues("Set-Cookie"));
        long secondExpiry = JSON.readTree(renewed.body()).get("expiresAt").asLong();
        assertTrue(secondExpiry > firstExpiry, firstExpiry + " then " + secondExpiry);
        String renewedCookie = browser.cookie(SESSION_COOKIE).orElseThrow();
        assertNotEquals(session.getValue(), renewedCookie);

        // Sign-out: the service's cookie goes, the browser visits the provider's end-session endpoint and comes back.
        HttpResponse<String> signOut = browser.get(app() + "/workspace/sign-out");
        assertEquals(302, signOut.statusCode());
        String endSession = CodeFlowClient.location(signOut);
        assertTrue(endSession.startsWith(OidcTestResource.url() + "/logout?"), endSession);
        Map<String, String> logout = CodeFlowClient.query(endSession);
        assertEquals(app() + "/signed-out.html", logout.get("post_logout_redirect_uri"));
        String idTokenClaims = CodeFlowClient.jwtPayload(logout.get("id_token_hint"));
        assertTrue(idTokenClaims.contains("\"nonce\":\"" + authorize.get("nonce") + "\""), "nonce round-trip: " + idTokenClaims);
        HttpResponse<String> signedOut = browser.follow(signOut);
        assertEquals(200, signedOut.statusCode());
        assertTrue(signedOut.body().contains("You are signed out"));
        assertTrue(signedOut.body().contains("href=\"/workspace/\" id=\"sign-in-again\""), signedOut.body());
        assertTrue(browser.cookies(SESSION_COOKIE).isEmpty(), "session cookie removed");

        // The provider session is over: a page asks who you are again (no silent sign-in) ...
        HttpResponse<String> again = browser.follow(browser.get(app() + "/workspace/session"));
        assertTrue(again.body().contains("Sign in as Lena Lead"), "the provider's sign-in page, not a silent sign-in");
        // ... and the old cookie, replayed, cannot be renewed once its tokens are near expiry.
        CodeFlowClient replay = new CodeFlowClient();
        replay.setCookie(app(), SESSION_COOKIE, renewedCookie);
        awaitRenewalWindow(secondExpiry);
        HttpResponse<String> replayed = replay.get(app() + "/workspace/session");
        assertEquals(302, replayed.statusCode(), "refresh refused: back to sign in");
        assertTrue(CodeFlowClient.location(replayed).startsWith(OidcTestResource.url() + "/authorize?"));

        assertNoAccessTokenInAnyUrl(browser.visited());
    }

    @Test
    void aTamperedStateIsRefused() {
        CodeFlowClient browser = new CodeFlowClient();
        Map<String, String> authorize = new java.util.LinkedHashMap<>();
        String back = CodeFlowClient.location(toCallback(browser, "ivan", authorize));
        String tampered = back.replace("state=" + authorize.get("state"), "state=" + authorize.get("state") + "x");
        assertNotEquals(back, tampered);
        // No state cookie matches: the code is not exchanged, no session is made, the sign-in starts over.
        HttpResponse<String> refused = browser.get(tampered);
        assertEquals(302, refused.statusCode(), refused.headers().map().toString());
        String restarted = CodeFlowClient.location(refused);
        assertTrue(restarted.startsWith(OidcTestResource.url() + "/authorize?"), restarted);
        assertNotEquals(authorize.get("state"), CodeFlowClient.query(restarted).get("state"), "a fresh state");
        assertTrue(browser.cookies(SESSION_COOKIE).isEmpty(), "no session from a tampered state");
        assertEquals(302, browser.get(app() + "/workspace/session").statusCode(), "still not signed in");
    }

    @Test
    void aScriptWhoseSessionIsGoneGets499NotARedirect() {
        CodeFlowClient browser = new CodeFlowClient();
        browser.setCookie(app(), SESSION_COOKIE, "not-a-session");
        HttpResponse<String> response = browser.script(app() + "/workspace/session");
        assertEquals(499, response.statusCode(), "the page reloads into sign-in on 499");
        assertFalse(response.headers().firstValue("Location").isPresent());
    }

    /**
     * Waits until tokens expiring at {@code exp} (epoch seconds) are inside the 3 s refresh skew as quarkus-oidc
     * counts it (whole seconds: now + skew > exp), about 1.8 s before they expire.
     */
    static void awaitRenewalWindow(long exp) throws InterruptedException {
        Thread.sleep(Math.max(0, (exp - 2) * 1000 + 200 - System.currentTimeMillis()));
    }

    /** Neither an access token nor any token with the APIs' audience may travel in a URL. */
    static void assertNoAccessTokenInAnyUrl(List<String> urls) {
        for (String url : urls) {
            for (String value : CodeFlowClient.query(url).values()) {
                String claims = CodeFlowClient.jwtPayload(value);
                if (claims != null) {
                    // Only the ID token may (id_token_hint of RP-initiated logout); its audience is the web client.
                    assertTrue(claims.contains("\"aud\":\"inspection-web\"") && !claims.contains("probation-inspection\""),
                            "a token in " + url + ": " + claims);
                }
            }
            assertFalse(url.contains("access_token") || url.contains("refresh_token"), url);
        }
    }

    /** The session cookie is encrypted: none of its parts is a readable token. */
    static void assertUnreadable(String cookie) {
        for (String part : cookie.split("[|.]")) {
            try {
                String decoded = new String(java.util.Base64.getUrlDecoder().decode(part), java.nio.charset.StandardCharsets.UTF_8);
                assertFalse(decoded.contains("\"sub\"") || decoded.contains("lena"), "readable session cookie: " + decoded);
            } catch (IllegalArgumentException notBase64) {
                // fine
            }
        }
    }
}
