package uk.probation.inspection.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.TestTokens;

@QuarkusTest
class SmokeTest {

    @Test
    void readyAgainstRealInfrastructure() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Kafka"));
        given().get("/frameworks").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("alice", "inspector")).get("/frameworks").then().statusCode(200);
        given().auth().oauth2(TestTokens.token("vera", "viewer")).get("/frameworks").then().statusCode(403);
    }
}
