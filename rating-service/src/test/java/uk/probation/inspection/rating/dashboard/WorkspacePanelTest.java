package uk.probation.inspection.rating.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
        new CaseEventStream(id).opened("<b>Panel</b> \"PDU\" & 'co'", "Wales", "Cardiff", "nora").teamMember("nora", "LEAD")
                .teamMember("ian", "INSPECTOR").send();
        Ratings.await(id, "ian", r -> true);
        String panel = "/dashboard/panel/" + id;
        given().auth().oauth2(TestTokens.token("ian", "inspector")).get(panel).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("data-inspection=\"" + id + "\""))
                .body(containsString("data-region=\"Wales\""))
                .body(containsString("/dashboard/panel.js"))
                // entered text is escaped by the template, never markup
                .body(containsString("&lt;b&gt;Panel&lt;/b&gt; &quot;PDU&quot; &amp; &#39;co&#39;"))
                .body(not(containsString("<b>Panel")))
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

    /**
     * Newham's panel shows how sure each rating is (the figures of NewhamRatingsTest.assertNewhamConfidence): 2.2
     * Inadequate is not settled (the marker and its words), six changed answers from Requires improvement; 2.4 is
     * settled; each key question has its 95% interval; and the rows the script re-reads are the same rows.
     */
    @Test
    void thePanelSaysHowSureEachRatingIs() throws Exception {
        UUID id = UUID.randomUUID();
        CaseEventStream.newham(id, "lena", "Panel Confidence").send();
        Ratings.await(id, "lena", r -> Ratings.standard(r, "2.2").path("settled").isBoolean()
                && Ratings.standard(r, "2.5").path("changesToMove").path("up").asInt() == 15);
        String token = TestTokens.token("lena", "lead-inspector");
        String page = given().auth().oauth2(token).get("/dashboard/panel/" + id).then().statusCode(200).extract()
                .asString();
        String assessment = row(page, "standard-2.2");
        assertTrue(assessment.contains("Inadequate"), assessment);
        assertTrue(assessment.contains("panel-unsettled"), "the \u2248 marker: " + assessment);
        assertTrue(assessment.contains("Not settled: the sample cannot rule out another band; 6 changed answers from"
                + " Requires improvement"), assessment);
        String planning = row(page, "standard-2.4");
        assertTrue(planning.contains("Settled; 18 changed answers from Requires improvement"), planning);
        assertFalse(planning.contains("panel-unsettled"), planning);
        assertTrue(row(page, "kq-2.2.3").contains("12 of 33 (36%), 95% interval 22.2\u201353.4%"), row(page, "kq-2.2.3"));
        assertFalse(row(page, "standard-1.1").contains("settled"), "a judgement has nothing to be sure of");
        String rows = given().auth().oauth2(token).get("/dashboard/panel/" + id + "/rows").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertEquals(row(page, "standard-2.2"), row(rows, "standard-2.2"));
        assertFalse(rows.contains("<html"), "rows only");
        given().auth().oauth2(TestTokens.token("otto", "inspector")).get("/dashboard/panel/" + id + "/rows").then()
                .statusCode(404);
    }

    /** The {@code <tr>} with this id, up to its end. */
    private static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no row " + id);
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
