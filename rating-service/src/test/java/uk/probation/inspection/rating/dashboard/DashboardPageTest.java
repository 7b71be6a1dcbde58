package uk.probation.inspection.rating.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.OidcTestResource;
import uk.probation.inspection.infra.test.TestTokens;

/**
 * The dashboard's files are behind sign-in: without a session a browser is sent to the provider (code flow);
 * the page keeps its security headers, and the data endpoints it uses still answer API callers without a token
 * with 401, never a redirect.
 */
@QuarkusTest
class DashboardPageTest {

    @Test
    void pageSendsBrowsersToSignInAndDataStaysBearer() {
        for (String path : new String[] { "/dashboard/", "/dashboard/dashboard.js" }) {
            given().redirects().follow(false).accept("text/html,*/*;q=0.8").get(path).then().statusCode(302)
                    .header("Location", startsWith(OidcTestResource.url() + "/authorize?"));
        }
        // With a token (as the session provides one) the page and its script load, security headers on.
        String viewer = TestTokens.token("vic", "viewer", "London");
        given().auth().oauth2(viewer).get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("src=\"dashboard.js\""), not(containsString("<script>")))
                .header("X-Frame-Options", equalTo("DENY")).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().auth().oauth2(viewer).get("/dashboard/report.css").then().statusCode(200);
        // No token is ever handled by the page: its calls ride on the session cookie, marked as the page's own.
        given().auth().oauth2(viewer).get("/dashboard/dashboard.js").then().statusCode(200)
                .body(containsString("X-Requested-With"), not(containsString("localStorage")),
                        not(containsString("sessionStorage")), not(containsString("Authorization")));
        given().get("/signed-out.html").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("You are signed out"), containsString("href=\"/dashboard/\" id=\"sign-in-again\""))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        // The data endpoints: 401 without a token, as before.
        given().redirects().follow(false).get("/regions/London/ratings").then().statusCode(401);
        given().redirects().follow(false).get("/regions/London/ratings/stream").then().statusCode(401);
        given().redirects().follow(false).get("/inspections/00000000-0000-0000-0000-000000000000/report").then()
                .statusCode(401);
    }
}
