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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.Forms;

/**
 * The workspace's report-text page (issue 17): each standard's narrative with its cohort sections, the numbered
 * recommendations and the background, written by the lead through the narrative API (its rules, versions and 409
 * while frozen), read by the team; a stale save shows the newer text and overwrites nothing; a refused save shows
 * the GOV.UK error summary naming the field and writes nothing.
 */
@QuarkusTest
class ReportTextPagesTest {

    private static String inspection(String name) {
        String id = Api.openInspection("lena", name, "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 3));
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                .put("/inspections/" + id + "/team/ivan").then().statusCode(200);
        return id;
    }

    private static String page(String id) {
        return "/workspace/inspections/" + id + "/report";
    }

    private static String api(String id) {
        return "/inspections/" + id;
    }

    @Test
    void theLeadGetsTheFormsTheTeamReadsAndBothPreviewTheProvisionalReport() {
        String id = inspection("Report Page PDU");
        Api.lead("lena").contentType("application/json").body(Map.of("strengths", List.of("Leaders are visible.")))
                .put(api(id) + "/standards/1.1/narrative").then().statusCode(200);
        String lead = Api.lead("lena").get(page(id)).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(lead.contains("action=\"" + page(id) + "/narrative/2.2\"") && lead.contains("action=\"" + page(id)
                + "/narrative/1.3\""), "a form for every standard, judgement- and case-based alike");
        assertTrue(lead.contains("action=\"" + page(id) + "/recommendations\"") && lead.contains("action=\"" + page(id)
                + "/background\""));
        assertTrue(lead.contains("href=\"http://127.0.0.1:8082/dashboard/report/" + id + "\""), "the preview link");
        assertTrue(lead.contains("Preview the report (provisional)"));
        assertTrue(lead.contains("<dd class=\"govuk-summary-list__value\" id=\"cases-inspected\">3</dd>"),
                "cases inspected is derived from the sample");
        assertTrue(lead.contains("href=\"/workspace/inspections/" + id + "/report\" aria-current=\"page\""), "in the nav");

        String inspector = Api.inspector("ivan").get(page(id)).then().statusCode(200).extract().asString();
        assertFalse(inspector.contains("action=\"" + page(id)), "inspectors read, they get no forms");
        assertTrue(inspector.contains("Leaders are visible.") && inspector.contains("/dashboard/report/" + id));
        Api.inspector("oscar").get(page(id)).then().statusCode(404);
        Api.as("vera", "viewer", "London").get(page(id)).then().statusCode(403);
    }

    @Test
    void aStandardsNarrativeWithCohortSectionsIsSavedAndItsPromptFactsKept() {
        String id = inspection("Report Narrative PDU");
        Map<String, Object> fact = Map.of("questionId", "2.2.3b",
                "template", "drew on available information in only {yes} of the {relevant} inspected cases");
        Api.inspector("ivan").contentType("application/json").body(Map.of("promptFacts", List.of(fact)))
                .put(api(id) + "/standards/2.2/narrative").then().statusCode(200).body("version", equalTo(1));
        Response saved = Forms.postRows("lena", "lead-inspector", page(id), page(id) + "/narrative/2.2", Map.of(
                "version", List.of("1"), "strengths", List.of("Engaged well.\r\n\r\nListened."),
                "areasForImprovement", List.of("Safeguarding checks."),
                "sectionTitle", List.of("Resettlement", "", "Young adults"),
                "sectionText", List.of("Weaker after custody.\n\nPlans were late.", "", "All assessed well.")));
        assertEquals(303, saved.statusCode(), saved.asString());
        assertTrue(saved.header("Location").endsWith("/report?saved=2.2#narrative-q-2-2"), saved.header("Location"));
        Api.lead("lena").get(api(id) + "/standards/2.2/narrative").then().body("version", equalTo(2))
                .body("strengths", equalTo(List.of("Engaged well.", "Listened.")))
                .body("cohortSections.title", equalTo(List.of("Resettlement", "Young adults")))
                .body("cohortSections[0].paragraphs", equalTo(List.of("Weaker after custody.", "Plans were late.")))
                .body("promptFacts[0].questionId", equalTo("2.2.3b"));
        Api.lead("lena").get(page(id) + "?saved=2.2").then().body(containsString("Report text for 2.2 saved"))
                .body(containsString("value=\"Resettlement\"")).body(containsString("Saved by lena"));
        // clearing a section's title and text removes it
        Forms.postRows("lena", "lead-inspector", page(id), page(id) + "/narrative/2.2", Map.of("version", List.of("2"),
                "strengths", List.of("Engaged well."), "sectionTitle", List.of("Resettlement", ""),
                "sectionText", List.of("Weaker after custody.", ""))).then().statusCode(303);
        Api.lead("lena").get(api(id) + "/standards/2.2/narrative").then()
                .body("cohortSections.title", equalTo(List.of("Resettlement")));
    }

    @Test
    void aRefusedNarrativeNamesTheFieldKeepsWhatWasTypedAndWritesNothing() {
        String id = inspection("Report Bad Narrative PDU");
        Response bad = Forms.postRows("lena", "lead-inspector", page(id), page(id) + "/narrative/1.3", Map.of(
                "version", List.of("0"), "strengths", List.of("Fine.\n\n" + "x".repeat(5001)),
                "sectionTitle", List.of("Resettlement"), "sectionText", List.of(" ")));
        assertEquals(422, bad.statusCode());
        String html = bad.asString();
        assertTrue(html.contains("govuk-error-summary") && html.contains("<title>Error: "), html);
        assertTrue(html.contains("href=\"#narrative-q-1-3-strengths\"")
                && html.contains("Strengths paragraph 2 must be at most 5000 characters"), html);
        assertTrue(html.contains("href=\"#narrative-q-1-3-section-1-text\"")
                && html.contains("Cohort section 1 text is required: at least one paragraph"), html);
        assertTrue(html.contains("value=\"Resettlement\""), "what was typed is kept");
        Response untitled = Forms.postRows("lena", "lead-inspector", page(id), page(id) + "/narrative/1.3", Map.of(
                "version", List.of("0"), "sectionTitle", List.of(""), "sectionText", List.of("Text without a title")));
        assertEquals(422, untitled.statusCode());
        assertTrue(untitled.asString().contains("href=\"#narrative-q-1-3-section-1-title\""), untitled.asString());
        Api.lead("lena").get(api(id) + "/standards/1.3/narrative").then().body("version", equalTo(0));
        Forms.postRows("lena", "lead-inspector", page(id), page(id) + "/narrative/9.9", Map.of("version", List.of("0"),
                "strengths", List.of("x"))).then().statusCode(404);
        // no CSRF token: refused before anything is read or written
        Api.lead("lena").contentType("application/x-www-form-urlencoded").formParams(Map.of("strengths", "x"))
                .post(page(id) + "/narrative/1.3").then().statusCode(400);
        // the workspace leaves writing the report to the lead; a viewer reaches no form at all
        Forms.postRows("ivan", "inspector", page(id), page(id) + "/narrative/1.3", Map.of("version", List.of("0"),
                "strengths", List.of("x"))).then().statusCode(403);
        Forms.postRows("vera", "viewer", page(id), page(id) + "/narrative/1.3", Map.of("version", List.of("0"),
                "strengths", List.of("x"))).then().statusCode(403);
        Api.lead("lena").get(api(id) + "/standards/1.3/narrative").then().body("version", equalTo(0));
    }

    @Test
    void aStaleSaveShowsTheNewerTextAndOverwritesNothing() {
        String id = inspection("Report Stale PDU");
        // lena loaded the page at version 0; ivan writes 2.3's text meanwhile
        Api.inspector("ivan").contentType("application/json").body(Map.of("strengths", List.of("Ivan's strengths.")))
                .put(api(id) + "/standards/2.3/narrative").then().statusCode(200);
        Response stale = Forms.postRows("lena", "lead-inspector", page(id), page(id) + "/narrative/2.3", Map.of(
                "version", List.of("0"), "strengths", List.of("Lena's strengths.")));
        assertEquals(409, stale.statusCode());
        String html = stale.asString();
        assertTrue(html.contains("govuk-error-summary") && html.contains("ivan changed this text since you loaded the page"),
                html);
        String form = html.split("id=\"narrative-q-2-3\"")[1].split("</form>")[0];
        assertTrue(form.contains(">Ivan's strengths.</textarea>") || form.contains(">Ivan&#39;s strengths.</textarea>"),
                "the newer text is in the form: " + form);
        assertTrue(form.contains("name=\"version\" value=\"1\""), "saving again is a deliberate overwrite of what is seen");
        assertTrue(html.contains("Lena's strengths.") || html.contains("Lena&#39;s strengths."), "what she sent is kept");
        Api.lead("lena").get(api(id) + "/standards/2.3/narrative").then().body("version", equalTo(1))
                .body("strengths", equalTo(List.of("Ivan's strengths.")));

        Api.lead("lena").contentType("application/json").body(Map.of("recommendations",
                List.of(Map.of("addressee", "HMPPS", "text", "Theirs.")))).put(api(id) + "/recommendations").then()
                .statusCode(200);
        Response staleList = Forms.postRows("lena", "lead-inspector", page(id), page(id) + "/recommendations", Map.of(
                "version", List.of("0"), "addressee", List.of("The PDU"), "text", List.of("Mine."), "action", List.of("save")));
        assertEquals(409, staleList.statusCode());
        assertTrue(staleList.asString().contains("value=\"HMPPS\"") && staleList.asString().contains("The PDU: Mine."));
        Api.lead("lena").get(api(id) + "/recommendations").then().body("recommendations.text", equalTo(List.of("Theirs.")));

        Api.lead("lena").contentType("application/json").body(Map.of("interviewsHeld", 4))
                .put(api(id) + "/background").then().statusCode(200);
        Forms.postRows("lena", "lead-inspector", page(id), page(id) + "/background", Map.of("version", List.of("0"),
                "interviewsHeld", List.of("30"))).then().statusCode(409);
        Api.lead("lena").get(api(id) + "/background").then().body("interviewsHeld", equalTo(4));
    }

    @Test
    void recommendationsAreAddedEditedReorderedAndRemovedAndNumberedInOrder() {
        String id = inspection("Report Recommendations PDU");
        String action = page(id) + "/recommendations";
        Forms.postRows("lena", "lead-inspector", page(id), action, Map.of("version", List.of("0"),
                "addressee", List.of("The PDU", "London region"), "text", List.of("Improve risk assessment.",
                        "Fund interventions."), "action", List.of("save"))).then().statusCode(303);
        Api.lead("lena").get(api(id) + "/recommendations").then().body("version", equalTo(1))
                .body("recommendations.number", equalTo(List.of(1, 2)))
                .body("recommendations.addressee", equalTo(List.of("The PDU", "London region")));
        // the page adds a blank row: filling it adds a third
        Forms.postRows("lena", "lead-inspector", page(id), action, Map.of("version", List.of("1"),
                "addressee", List.of("The PDU", "London region", "HMPPS"), "text", List.of("Improve risk assessment.",
                        "Fund interventions.", "Review staffing."), "action", List.of("save"))).then().statusCode(303);
        // move the third up, and edit the first while at it
        Forms.postRows("lena", "lead-inspector", page(id), action, Map.of("version", List.of("2"),
                "addressee", List.of("The PDU", "London region", "HMPPS", ""), "text", List.of("Improve risk assessment"
                        + " and planning.", "Fund interventions.", "Review staffing.", ""), "action", List.of("up-3")))
                .then().statusCode(303);
        Api.lead("lena").get(api(id) + "/recommendations").then().body("version", equalTo(3))
                .body("recommendations.addressee", equalTo(List.of("The PDU", "HMPPS", "London region")))
                .body("recommendations[0].text", equalTo("Improve risk assessment and planning."));
        Forms.postRows("lena", "lead-inspector", page(id), action, Map.of("version", List.of("3"),
                "addressee", List.of("The PDU", "HMPPS", "London region"), "text", List.of("Improve risk assessment"
                        + " and planning.", "Review staffing.", "Fund interventions."), "action", List.of("remove-1")))
                .then().statusCode(303);
        Api.lead("lena").get(api(id) + "/recommendations").then()
                .body("recommendations.number", equalTo(List.of(1, 2)))
                .body("recommendations.addressee", equalTo(List.of("HMPPS", "London region")));
        String html = Api.inspector("ivan").get(page(id)).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<strong>HMPPS</strong>: Review staffing."), "the team reads them");

        Response bad = Forms.postRows("lena", "lead-inspector", page(id), action, Map.of("version", List.of("4"),
                "addressee", List.of("HMPPS", " "), "text", List.of("Review staffing.", "No addressee."),
                "action", List.of("save")));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.asString().contains("href=\"#rec-2-addressee\"")
                && bad.asString().contains("Recommendation 2 addressee must not be empty"), bad.asString());
        assertTrue(bad.asString().contains("No addressee."), "what was typed is kept");
        Api.lead("lena").get(api(id) + "/recommendations").then().body("version", equalTo(4));
        Forms.postRows("ivan", "inspector", page(id), action, Map.of("version", List.of("4"), "addressee",
                List.of("X"), "text", List.of("Y"))).then().statusCode(403);
        Api.lead("lena").contentType("application/x-www-form-urlencoded").formParams(Map.of("addressee", "X", "text", "Y"))
                .post(action).then().statusCode(400);
        Api.lead("lena").get(api(id) + "/recommendations").then().body("version", equalTo(4));
    }

    @Test
    void theBackgroundIsSavedBadCountsAreRefusedAndAPublishedInspectionRefusesEveryForm() {
        String id = inspection("Report Background PDU");
        String action = page(id) + "/background";
        Response bad = Forms.postRows("lena", "lead-inspector", page(id), action, Map.of("version", List.of("0"),
                "interviewsHeld", List.of("thirty"), "meetingsHeld", List.of("10"), "paragraphs", List.of("Kept.")));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.asString().contains("href=\"#interviews-held\"")
                && bad.asString().contains("Interviews held must be a whole number from 0 to 100000"), bad.asString());
        assertTrue(bad.asString().contains("value=\"thirty\"") && bad.asString().contains(">Kept.</textarea>"));
        Api.lead("lena").get(api(id) + "/background").then().body("version", equalTo(0));
        Forms.postRows("ivan", "inspector", page(id), action, Map.of("version", List.of("0"),
                "interviewsHeld", List.of("1"))).then().statusCode(403);
        Api.lead("lena").contentType("application/x-www-form-urlencoded").formParams(Map.of("interviewsHeld", "1"))
                .post(action).then().statusCode(400);

        Response saved = Forms.postRows("lena", "lead-inspector", page(id), action, Map.of("version", List.of("0"),
                "interviewsHeld", List.of("30"), "meetingsHeld", List.of("10"),
                "paragraphs", List.of("Newham is one of the PDUs of the London region.\n\nIt was inspected in 2022.")));
        assertEquals(303, saved.statusCode(), saved.asString());
        Api.lead("lena").get(api(id) + "/background").then().body("version", equalTo(1))
                .body("interviewsHeld", equalTo(30)).body("meetingsHeld", equalTo(10)).body("casesInspected", equalTo(3))
                .body("paragraphs", equalTo(List.of("Newham is one of the PDUs of the London region.",
                        "It was inspected in 2022.")));

        // once published the page has no forms; the publishing page's reopen form carries the CSRF token instead
        String loaded = "/workspace/inspections/" + id + "/publish";
        Api.makeReady("lena", id);
        Api.lead("lena").post(api(id) + "/publish").then().statusCode(200);
        String frozen = Api.lead("lena").get(page(id)).then().statusCode(200).extract().asString();
        assertTrue(frozen.contains("This inspection is published: its report text cannot change until the lead"
                + " reopens it."), frozen);
        assertFalse(frozen.contains("action=\"" + page(id) + "/background\""), "no forms while frozen");
        // a form posted anyway (a page loaded before publication): refused, with the reason, nothing written
        for (var form : List.of(Map.entry("/background", Map.of("version", List.of("1"), "interviewsHeld", List.of("31")))
                , Map.entry("/recommendations", Map.of("version", List.of("0"), "addressee", List.of("HMPPS"),
                        "text", List.of("X"))), Map.entry("/narrative/2.2", Map.of("version", List.of("0"),
                        "strengths", List.of("X"))))) {
            Response refused = Forms.postRows("lena", "lead-inspector", loaded, page(id) + form.getKey(), form.getValue());
            assertEquals(409, refused.statusCode(), form.getKey());
            assertTrue(refused.asString().contains("govuk-error-summary")
                    && refused.asString().contains("is published"), refused.asString());
        }
        Api.lead("lena").get(api(id) + "/background").then().body("version", equalTo(1)).body("interviewsHeld", equalTo(30));
        Api.lead("lena").get(api(id) + "/recommendations").then().body("version", equalTo(0));
        Api.lead("lena").get(api(id) + "/standards/2.2/narrative").then().body("version", equalTo(0));
        Api.lead("lena").get(page(id)).then().body(not(containsString("Interviews held: 31")));
    }
}
