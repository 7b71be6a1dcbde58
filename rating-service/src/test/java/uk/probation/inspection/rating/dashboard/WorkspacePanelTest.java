package uk.probation.inspection.rating.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.TestTokens;
import uk.probation.inspection.rating.CaseEventStream;
import uk.probation.inspection.rating.Ratings;

/**
 * The workspace's live ratings panel: the team only (viewers never see live figures), framable by the workspace's
 * origin alone while every other page keeps refusing to be framed.
 */
@QuarkusTest
class WorkspacePanelTest {

    @Test
    void theTeamGetsAPanelTheWorkspaceMayFrameAndNobodyElseDoes() throws Exception {
        UUID id = UUID.randomUUID();
        new CaseEventStream(id).opened("Panel PDU", "Wales", "Cardiff", "nora").teamMember("nora", "LEAD")
                .teamMember("ian", "INSPECTOR").send();
        Ratings.await(id, "ian", r -> true);
        String panel = "/dashboard/panel/" + id;
        given().auth().oauth2(TestTokens.token("ian", "inspector")).get(panel).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("data-inspection=\"" + id + "\""))
                .body(containsString("data-region=\"Wales\""))
                .body(containsString("/dashboard/panel.js"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self' http://127.0.0.1:8081"))
                .header("Content-Security-Policy", not(containsString("frame-ancestors 'none'")))
                .header("X-Frame-Options", nullValue());
        // without a session or token the page sends the browser to sign in (the dashboard's web tenant)
        given().redirects().follow(false).get(panel).then().statusCode(302)
                .header("Location", containsString("/authorize"));
        given().auth().oauth2(TestTokens.token("otto", "inspector")).get(panel).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("vic", "viewer", "Wales")).get(panel).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("nora", "lead-inspector")).get("/dashboard/panel/not-an-id").then()
                .statusCode(404);
        // the rest of rating-service still refuses to be framed
        given().auth().oauth2(TestTokens.token("ian", "inspector")).get("/inspections/" + id + "/ratings").then()
                .statusCode(200).header("X-Frame-Options", "DENY");
        given().get("/dashboard/panel.js").then().statusCode(200);
    }
}
