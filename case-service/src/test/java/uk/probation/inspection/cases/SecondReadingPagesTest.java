package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.Forms;

/**
 * The second reading in the workspace: the reader answers blind on their own page (never the first answers), the
 * lead sees agreement per key question and per inspector with the disagreements, and resolves one by a form that
 * needs a reason (a refusal shows the GOV.UK error summary and resolves nothing). Figures as SecondReadingApiTest.
 */
@QuarkusTest
class SecondReadingPagesTest {

    @Test
    void theReaderAnswersBlindAndTheLeadSeesAgreementAndResolves() {
        String id = Api.openInspection("lena", "Second-read pages PDU", "London");
        String base = "/inspections/" + id;
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 2));
        String[] first = {"YES", "NO"};
        for (int i = 0; i < 2; i++) {
            Api.lead("lena").contentType("application/json").body(Map.of("answer", first[i]))
                    .put(base + "/cases/NEW-00" + (i + 1) + "/answers/2.2.1").then().statusCode(200);
        }
        Api.lead("lena").contentType("application/json")
                .body(Map.of("reader", "quinn", "caseRefs", List.of("NEW-001", "NEW-002"))).post(base + "/second-readings")
                .then().statusCode(200);

        // The reader's page: their cases, the key questions, nothing of the first reading; others get 404.
        String readerPage = "/workspace/inspections/" + id + "/second-reading";
        String blind = Api.as("quinn", "inspector").get(readerPage).then().statusCode(200)
                .body(containsString("id=\"case-NEW-001\"")).body(containsString("Key question 2.2.1"))
                .body(containsString("govuk-frontend.min.css")).extract().asString();
        assertFalse(blind.contains("lena") || blind.contains("checked"), "nothing of the first reading: " + blind);
        Api.as("otto", "inspector").get(readerPage).then().statusCode(404);
        // Readers are not on the team: their home page lists the inspection apart, linking to the blind page.
        Api.as("quinn", "inspector").get("/workspace/").then().statusCode(200)
                .body(containsString("id=\"second-readings\"")).body(containsString("href=\"" + readerPage + "\""));
        Api.as("quinn", "quality-assurance").get("/workspace/").then().statusCode(200);
        assertFalse(Api.as("otto", "inspector").get("/workspace/").then().statusCode(200).extract().asString()
                .contains(readerPage), "nothing given to otto");
        String action = readerPage + "/NEW-001/2.2.1";
        Response saved = Forms.post("quinn", "inspector", readerPage, action, Map.of("answer", "YES"));
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals(303, Forms.post("quinn", "inspector", readerPage, readerPage + "/NEW-002/2.2.1",
                Map.of("answer", "YES")).statusCode());
        Response refused = Forms.post("quinn", "inspector", readerPage, action, Map.of("answer", "MAYBE"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.asString().contains("govuk-error-summary")
                && refused.asString().contains("href=\"#r-NEW-001-2-2-1-YES\""), refused.asString());
        Api.as("quinn", "inspector").get(readerPage).then().body(containsString("Your answer: Yes"));
        Api.as("quinn", "inspector").get(base + "/second-readings/mine").then()
                .body("[0].answers[0].answer", equalTo("YES"));

        // The lead's page: 1 of 2 agree on 2.2.1 (κ 0: the second said Yes to both), by lena; one disagreement.
        String agreement = "/workspace/inspections/" + id + "/agreement";
        String html = Api.lead("lena").get(agreement).then().statusCode(200).extract().asString();
        String kq = html.split("id=\"kq-2.2.1\"")[1].split("</tr>")[0];
        assertTrue(kq.contains("1 of 2") && kq.contains("50.0%") && kq.contains(">0.0<"), kq);
        assertTrue(html.split("id=\"inspector-lena\"")[1].split("</tr>")[0].contains("1 of 2"), html);
        assertTrue(html.contains("id=\"d-NEW-002-2-2-1\""), "the disagreement is listed");
        assertFalse(html.contains("id=\"d-NEW-001-2-2-1\""), "an agreement is not");
        Api.inspector("ivan").get(agreement).then().statusCode(403);
        Api.as("quinn", "inspector").get(agreement).then().statusCode(403);

        // A resolution needs a reason: refused with the error summary linking to it, nothing resolved.
        String resolve = agreement + "/NEW-002/2.2.1";
        Response noReason = Forms.post("lena", "lead-inspector", agreement, resolve, Map.of("outcome", "CHANGED", "reason", " "));
        assertEquals(422, noReason.statusCode());
        String error = noReason.asString();
        assertTrue(error.contains("govuk-error-summary") && error.contains("href=\"#d-NEW-002-2-2-1-reason\""), error);
        assertTrue(error.contains("value=\"CHANGED\" checked"), "what was chosen is kept");
        Api.lead("lena").get(base + "/second-readings/agreement").then().body("disagreements[0].resolution",
                org.hamcrest.Matchers.nullValue());
        io.restassured.RestAssured.given().auth().oauth2(uk.probation.inspection.infra.test.TestTokens.token("lena",
                "lead-inspector")).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("outcome", "KEPT", "reason", "x")).post(resolve).then().statusCode(400); // no CSRF token

        Response done = Forms.post("lena", "lead-inspector", agreement, resolve,
                Map.of("outcome", "CHANGED", "reason", "The plan <b>names</b> no risk."));
        assertEquals(303, done.statusCode(), done.asString());
        String after = Api.lead("lena").get(agreement + "?resolved=NEW-002+2.2.1").then().statusCode(200)
                .body(containsString("Changed to YES, by lena")).body(not(containsString("<b>names</b>")))
                .extract().asString();
        assertTrue(after.contains("&lt;b&gt;names&lt;/b&gt;"), "the reason is escaped");
        assertFalse(after.contains("action=\"/workspace/inspections/" + id + "/agreement/NEW-002/2.2.1\""),
                "a resolved disagreement has no form");
        Api.lead("lena").get(base + "/cases/NEW-002").then()
                .body("answers.find { it.questionId == '2.2.1' }.answer", equalTo("YES"));
    }

    /** A youth justice case (no probation fields) is shown to its reader by the framework's declared attributes. */
    @Test
    void aYouthCaseIsShownToItsReaderByItsDeclaredAttributes() {
        String id = YouthWorkspacePagesTest.youthInspection("Second-read youth YOT");
        Api.lead("lena").contentType("application/json").body(Map.of("reader", "quinn", "caseRefs", List.of("YJW-002")))
                .post("/inspections/" + id + "/second-readings").then().statusCode(200);
        String html = Api.as("quinn", "inspector").get("/workspace/inspections/" + id + "/second-reading").then()
                .statusCode(200).body(containsString("id=\"case-YJW-002\"")).extract().asString();
        assertTrue(html.contains("Disposal") && html.contains("Out of court") && html.contains("Youth caution")
                && html.contains("Looked-after child") && html.contains("Safety and wellbeing level"), html);
        assertFalse(html.contains("Cohort"), "no probation fields: " + html);
        Api.as("quinn", "inspector").get("/inspections/" + id + "/second-readings/mine").then().statusCode(200)
                .body("[0].facts.find { it.id == 'disposal' }.value", equalTo("Out of court"))
                .body("[0].cohort", org.hamcrest.Matchers.nullValue());
    }
}
