package uk.probation.inspection.rating.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard page loads without a token (a browser cannot send one for a page load) but carries no data, the
 * security headers stay on it, and the data endpoints it uses still demand a token.
 */
@QuarkusTest
class DashboardPageTest {

    @Test
    void pageLoadsWithoutTokenButDataDoesNot() {
        given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Bearer token"), containsString("src=\"dashboard.js\""),
                        not(containsString("<script>")))
                .header("X-Frame-Options", equalTo("DENY")).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().get("/dashboard/dashboard.js").then().statusCode(200).body(containsString("sessionStorage"));
        given().get("/dashboard/report.css").then().statusCode(200);
        // Only the static path is open.
        given().get("/regions/London/ratings").then().statusCode(401);
        given().get("/regions/London/ratings/stream").then().statusCode(401);
        given().get("/inspections/00000000-0000-0000-0000-000000000000/report").then().statusCode(401);
    }
}
