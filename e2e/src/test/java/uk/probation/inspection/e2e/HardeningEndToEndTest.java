package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    @Test
    void bodiesOverTheLimitAreProblemDocumentsNamingIt() throws Exception {
        // Found by the bad-input campaign: the HTTP layer's 413 had an empty body. Limits as configured per service.
        Map<String, String> limits = Map.of("case-service", "4 MB", "rating-service", "10 MB", "feedback-service", "10 MB");
        byte[] body = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'x');
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String lead = RunningSystem.token("hardening-lead", "lead-inspector");
        for (Map.Entry<String, String> limit : limits.entrySet()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(RunningSystem.url(limit.getKey())
                    + "/inspections/00000000-0000-4000-8000-000000000001/answers")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + lead).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), limit.getKey());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                    limit.getKey());
            assertTrue(response.body().contains("limit of " + limit.getValue()), limit.getKey() + ": " + response.body());
        }
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedNotConverted() {
        // Found by the bad-input campaign: "note":5 was stored as the text "5".
        String lead = RunningSystem.token("hardening-lead", "lead-inspector");
        given().auth().oauth2(lead).contentType("application/json")
                .body("{\"name\":5,\"region\":\"Hardening\",\"pdu\":\"X\",\"frameworkId\":\"hmip-probation-pdu-2021\","
                        + "\"fieldworkStart\":\"2022-09-05\",\"sampleFrom\":\"2022-01-24\",\"sampleTo\":\"2022-02-25\"}")
                .post(RunningSystem.url("case-service") + "/inspections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Invalid value '5' for name; expected a string"));
        given().auth().oauth2(lead).get(RunningSystem.url("case-service") + "/inspections?region=Hardening")
                .then().statusCode(200).body("size()", equalTo(0));
    }
}
