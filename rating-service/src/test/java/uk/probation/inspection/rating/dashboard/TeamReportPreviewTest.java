package uk.probation.inspection.rating.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.TestTokens;
import uk.probation.inspection.rating.CaseEventStream;
import uk.probation.inspection.rating.Ratings;

/** The workspace's "preview report" link: the team's provisional report at a page path that signs people in. */
@QuarkusTest
class TeamReportPreviewTest {

    @Test
    void theTeamPreviewsTheProvisionalReportAndNobodyElseDoes() throws Exception {
        UUID id = UUID.randomUUID();
        new CaseEventStream(id).opened("Preview PDU", "Wales", "Cardiff", "nora").teamMember("nora", "LEAD")
                .teamMember("ian", "INSPECTOR").send();
        Ratings.await(id, "ian", r -> true);
        String preview = "/dashboard/report/" + id;
        given().auth().oauth2(TestTokens.token("ian", "inspector")).get(preview).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("id=\"provisional\""))
                .body(containsString("Preview PDU"));
        // a browser without a session is sent to sign in, as on every dashboard page
        given().redirects().follow(false).get(preview).then().statusCode(302)
                .header("Location", containsString("/authorize"));
        given().auth().oauth2(TestTokens.token("otto", "inspector")).get(preview).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("vic", "viewer", "Wales")).get(preview).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nora", "lead-inspector")).get("/dashboard/report/not-an-id").then()
                .statusCode(404);
    }
}
