package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The packaged services (prod profile) as an attacker on the public port sees them: no management endpoints,
 * security headers, no CORS, problem+json without internals.
 */
@Order(2)
class HardeningEndToEndTest {

    private static final List<String> SERVICES = List.of("case-service", "rating-service", "feedback-service");

    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String service : SERVICES) {
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
                given().get(RunningSystem.url(service) + path).then().statusCode(not(equalTo(200)));
                given().get(RunningSystem.managementUrl(service) + path).then().statusCode(200);
            }
        }
    }

    @Test
    void responsesCarrySecurityHeadersAndNoCors() {
        String token = RunningSystem.token("hardening-admin", "admin");
        for (String service : SERVICES) {
            given().auth().oauth2(token).header("Origin", "https://evil.example")
                    .get(RunningSystem.url(service) + "/inspections/00000000-0000-4000-8000-000000000001/nothing-here")
                    .then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void errorsAreProblemDocumentsWithoutInternals() {
        String lead = RunningSystem.token("hardening-lead", "lead-inspector");
        given().auth().oauth2(lead).contentType("application/json").body("{\"name\": ")
                .post(RunningSystem.url("case-service") + "/inspections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(not(org.hamcrest.Matchers.containsString("Exception")))
                .body(not(org.hamcrest.Matchers.containsString("at uk.")));
    }

    @Test
    void valuesTheDatabaseCannotStoreAreBadRequestsNotServerErrors() {
        // Found by the bad-input campaign (bench/): a NUL character reached PostgreSQL and surfaced as a 500.
        String lead = RunningSystem.token("hardening-lead", "lead-inspector");
        for (String url : List.of(RunningSystem.url("case-service") + "/frameworks/%00",
                RunningSystem.url("rating-service") + "/regions/%00/ratings")) {
            given().urlEncodingEnabled(false).auth().oauth2(lead).get(url)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(lead).contentType("application/json")
                .body("{\"name\":\"X\",\"region\":\"London\",\"pdu\":\"X\",\"frameworkId\":\"\\u0000\","
                        + "\"fieldworkStart\":\"2022-09-05\",\"sampleFrom\":\"2022-01-24\",\"sampleTo\":\"2022-02-25\"}")
                .post(RunningSystem.url("case-service") + "/inspections")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(lead).contentType("application/json").body("{\"name\":\"X\"}}")
                .post(RunningSystem.url("case-service") + "/inspections")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
