package uk.probation.inspection.browser;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import uk.probation.inspection.infra.LocalKeycloak;
import uk.probation.inspection.infra.Ports;
import uk.probation.inspection.infra.run.LocalSystem;
import uk.probation.inspection.infra.test.CodeFlowClient;
import uk.probation.inspection.infra.test.GoldenData;

/**
 * The real identity provider end to end: Keycloak from its Maven Central distribution, the deploy's realm export
 * imported as it is, three people created through Keycloak's admin REST API (a lead inspector, an inspector, a
 * London viewer with the {@code region} attribute), case-service and rating-service (packaged) configured with
 * the realm as their provider. Each person signs in through Keycloak's own login form in headless Chromium and
 * sees their page (who case-service says is signed in; the viewer her region's dashboard, then signs out of it and
 * of Keycloak), and their API calls work with the access tokens Keycloak issued to the realm's public client
 * {@code inspection-web} (code flow with PKCE, as a command-line client on a loopback redirect): roles from the
 * {@code groups} claim, the viewer's region from the {@code region} claim (another region's inspection: 404).
 * Screenshots go to target/screenshots/keycloak/.
 * <p>
 * Keycloak needs a JDK 21+: {@link LocalKeycloak#findJdk()}; without one the test is skipped, except under CI
 * ({@code CI} or {@code PIP_REQUIRE_KEYCLOAK} set), where it fails.
 */
class KeycloakSignInTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "keycloak");
    static final String PASSWORD_LENA = "lena-" + random(12);
    static final String PASSWORD_IVAN = "ivan-" + random(12);
    static final String PASSWORD_VIC = "vic-" + random(12);

    static LocalKeycloak keycloak;
    static LocalSystem system;
    static String lenaSub;
    static String ivanSub;
    static String vicSub;

    @BeforeAll
    static void startKeycloakAndServices() throws Exception {
        Optional<Path> jdk = LocalKeycloak.findJdk();
        if (jdk.isEmpty()) {
            String why = "no JDK 21+ to run Keycloak with (set KEYCLOAK_JAVA_HOME, or install one under /usr/lib/jvm)";
            if (System.getenv("CI") != null || System.getenv("PIP_REQUIRE_KEYCLOAK") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path runDir = RunDirs.fresh("keycloak-run");
        Path dist = Path.of(System.getProperty("keycloak.dist", "target/keycloak/keycloak-26.5.6")).toAbsolutePath();
        keycloak = LocalKeycloak.start(dist, jdk.get(),
                root.resolve("deploy/base/keycloak/realm/probation-inspection-realm.json"), runDir);
        lenaSub = keycloak.createUser("lena", "Lena", "Lead", PASSWORD_LENA, "lead-inspector", null);
        ivanSub = keycloak.createUser("ivan", "Ivan", "Inspector", PASSWORD_IVAN, "inspector", null);
        vicSub = keycloak.createUser("vic", "Vic", "Viewer", PASSWORD_VIC, "viewer", "London");
        system = LocalSystem.start(LocalSystem.Options.isolated(root, runDir, "keycloak", true)
                .only("case-service", "rating-service")
                .withServiceEnv(Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl())));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.stop();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void leadInspectorViewerSignInThroughKeycloak() throws Exception {
        String cases = system.service("case-service").url();
        String ratings = system.service("rating-service").url();

        String london;
        String northEast;
        // ---- Lena, lead inspector ----
        WebDriver lenaBrowser = Chromium.start();
        try {
            JsonNode me = signInToPage(lenaBrowser, cases + "/workspace/session", "lena", PASSWORD_LENA, "lena");
            assertEquals("lena", me.get("username").asText());
            assertEquals("[\"lead-inspector\"]", me.get("roles").toString());
            JsonNode tokens = cliTokens(lenaBrowser);
            String lena = tokens.get("access_token").asText();
            JsonNode claims = claims(lena);
            assertEquals(keycloak.realmUrl(), claims.get("iss").asText());
            assertTrue(claims.get("aud").toString().contains("probation-inspection"), claims.toString());
            assertEquals(lenaSub, claims.get("sub").asText());
            assertTrue(claims.get("groups").toString().contains("lead-inspector"), claims.toString());

            // Her API calls with Keycloak's token: Newham published in London and in North East; an open inspection
            // with Ivan on the team.
            london = DashboardBrowserTest.loadNewham(cases, lena, "London");
            northEast = DashboardBrowserTest.loadNewham(cases, lena, "North East");
            DashboardBrowserTest.awaitRating(ratings, lena, london, "REQUIRES_IMPROVEMENT", 6);
            DashboardBrowserTest.awaitRating(ratings, lena, northEast, "REQUIRES_IMPROVEMENT", 6);
            String open = given().auth().oauth2(lena).contentType(ContentType.JSON)
                    .body(Map.of("name", "Keycloak PDU", "region", "London", "pdu", "Keycloak",
                            "frameworkId", "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05",
                            "sampleFrom", "2022-01-24", "sampleTo", "2022-02-25"))
                    .post(cases + "/inspections").then().statusCode(201).extract().path("id");
            given().auth().oauth2(lena).contentType("text/csv").body(casesHead(3))
                    .post(cases + "/inspections/" + open + "/cases").then().statusCode(org.hamcrest.Matchers.anyOf(
                            equalTo(200), equalTo(201)));
            given().auth().oauth2(lena).contentType(ContentType.JSON).body(Map.of("role", "INSPECTOR"))
                    .put(cases + "/inspections/" + open + "/team/ivan").then().statusCode(200);
            given().auth().oauth2(lena).get(cases + "/inspections/" + open + "/team").then().statusCode(200)
                    .body("username", equalTo(List.of("lena", "ivan")));

            // ---- Ivan, inspector ----
            WebDriver ivanBrowser = Chromium.start();
            try {
                JsonNode ivanMe = signInToPage(ivanBrowser, cases + "/workspace/session", "ivan", PASSWORD_IVAN, "ivan");
                assertEquals("[\"inspector\"]", ivanMe.get("roles").toString());
                String ivan = cliTokens(ivanBrowser).get("access_token").asText();
                assertEquals(ivanSub, claims(ivan).get("sub").asText());
                given().auth().oauth2(ivan).contentType(ContentType.JSON).body(Map.of("answer", "YES"))
                        .put(cases + "/inspections/" + open + "/cases/NEW-001/answers/2.2.1").then().statusCode(200);
                given().auth().oauth2(ivan).get(cases + "/inspections/" + open + "/cases/NEW-001").then()
                        .statusCode(200).body("answers[0].recordedBy", equalTo("ivan"));
                // an inspector opens no inspections; and is not on Newham's team
                given().auth().oauth2(ivan).contentType(ContentType.JSON).body(Map.of("name", "x"))
                        .post(cases + "/inspections").then().statusCode(403);
                given().auth().oauth2(ivan).get(cases + "/inspections/" + london + "/cases").then()
                        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(404)));
            } finally {
                ivanBrowser.quit();
            }
        } finally {
            lenaBrowser.quit();
        }

        // ---- Vic, viewer in London ----
        WebDriver vicBrowser = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(vicBrowser, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);
            vicBrowser.get(ratings + "/dashboard/");
            keycloakLogin(vicBrowser, "vic", PASSWORD_VIC, "vic");
            wait.until(d -> d.getCurrentUrl().equals(ratings + "/dashboard/"));
            wait.until(d -> d.findElement(By.id("who")).getText().startsWith("Signed in as "));
            assertTrue(vicBrowser.findElement(By.id("who")).getText().contains("(viewer; region London)"),
                    vicBrowser.findElement(By.id("who")).getText());
            By londonRow = By.cssSelector("#inspections-body tr[data-inspection-id='" + london + "']");
            wait.until(d -> !d.findElements(londonRow).isEmpty());
            assertEquals("published", vicBrowser.findElement(londonRow).findElement(By.cssSelector("td.status")).getText());
            assertTrue(vicBrowser.findElements(By.cssSelector("#inspections-body tr[data-inspection-id='" + northEast + "']"))
                    .isEmpty(), "North East is not Vic's region");
            screenshot(vicBrowser, "vic-2-dashboard");

            String vic = cliTokens(vicBrowser).get("access_token").asText();
            JsonNode vicClaims = claims(vic);
            assertEquals(vicSub, vicClaims.get("sub").asText());
            assertEquals("[\"London\"]", vicClaims.get("region").toString(), "the region attribute as a claim");
            given().auth().oauth2(vic).get(ratings + "/inspections/" + london + "/ratings").then().statusCode(200)
                    .body("published", equalTo(true));
            given().auth().oauth2(vic).get(ratings + "/inspections/" + northEast + "/ratings").then().statusCode(404);
            given().auth().oauth2(vic).get(cases + "/inspections/" + london + "/cases").then().statusCode(403);

            // Sign out: of the dashboard and of Keycloak (RP-initiated logout back to the service's page). Back on the
            // dashboard first: taking the command-line tokens took the browser to Keycloak's callback.
            vicBrowser.get(ratings + "/dashboard/");
            wait.until(d -> !d.findElements(By.id("signout")).isEmpty());
            vicBrowser.findElement(By.id("signout")).click();
            wait.until(d -> d.getCurrentUrl().startsWith(ratings + "/signed-out.html"));
            screenshot(vicBrowser, "vic-3-signed-out");
            vicBrowser.get(ratings + "/dashboard/");
            wait.until(d -> !d.findElements(By.id("username")).isEmpty()); // Keycloak asks again
            assertTrue(vicBrowser.getCurrentUrl().startsWith(keycloak.realmUrl()), vicBrowser.getCurrentUrl());
        } finally {
            vicBrowser.quit();
        }
    }

    /** Opens {@code page}, signs in on Keycloak's login form, returns the JSON the page shows. */
    static JsonNode signInToPage(WebDriver browser, String page, String username, String password, String shot)
            throws Exception {
        browser.get(page);
        keycloakLogin(browser, username, password, shot);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> d.getCurrentUrl().equals(page));
        String text = browser.findElement(By.tagName("body")).getText();
        screenshot(browser, shot + "-2-signed-in");
        // Chromium shows a JSON response as text (newer versions add a pretty-print control around it)
        return JSON.readTree(text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1));
    }

    /** Keycloak's own login form: the browser was sent there by the service (code flow with PKCE). */
    static void keycloakLogin(WebDriver browser, String username, String password, String shot) throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.id("username")).isEmpty());
        String url = browser.getCurrentUrl();
        assertTrue(url.startsWith(keycloak.realmUrl() + "/protocol/openid-connect/auth?")
                || url.startsWith(keycloak.realmUrl() + "/login-actions/"), url);
        Map<String, String> query = CodeFlowClient.query(url);
        if (query.containsKey("client_id")) {
            assertEquals("inspection-web", query.get("client_id"));
            assertEquals("S256", query.get("code_challenge_method"));
        }
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        screenshot(browser, shot + "-1-keycloak-login");
        browser.findElement(By.id("kc-login")).click();
    }

    /**
     * Tokens for the signed-in person as a command-line client gets them: the realm's public client with PKCE and a
     * loopback redirect; Keycloak's session from the browser sign-in answers without asking again.
     */
    static JsonNode cliTokens(WebDriver browser) throws Exception {
        String verifier = random(48);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = random(16);
        int port = Ports.free();
        String redirect = "http://127.0.0.1:" + port + "/callback";
        CompletableFuture<Map<String, String>> received = new CompletableFuture<>();
        HttpServer callback = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        callback.createContext("/callback", exchange -> {
            received.complete(CodeFlowClient.query(exchange.getRequestURI().toString()));
            byte[] body = "Signed in; you can close this window.".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        callback.start();
        try {
            browser.get(keycloak.realmUrl() + "/protocol/openid-connect/auth?client_id=inspection-web&response_type=code"
                    + "&scope=openid&state=" + state + "&code_challenge_method=S256&code_challenge=" + challenge
                    + "&redirect_uri=" + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8));
            Map<String, String> params = received.get(60, TimeUnit.SECONDS);
            assertEquals(state, params.get("state"));
            return keycloak.exchangeCode("inspection-web", params.get("code"), redirect, verifier);
        } finally {
            callback.stop(0);
        }
    }

    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(CodeFlowClient.jwtPayload(jwt));
    }

    static String casesHead(int rows) throws IOException {
        List<String> lines = Files.readAllLines(GoldenData.newham("cases.csv"));
        return String.join("\n", lines.subList(0, Math.min(lines.size(), rows + 1))) + "\n";
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        RunDirs.screenshot(browser, SCREENSHOTS, name);
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
