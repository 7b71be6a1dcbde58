package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.Forms;

/**
 * The workspace's pages and forms (/workspace/), called as a browser would (bearer tokens here; the browser tests
 * sign in): what each page shows, that each form writes through the API's rules, and that a refused form shows the
 * GOV.UK error summary and writes nothing.
 */
@QuarkusTest
class WorkspacePagesTest {

    private static final String CASES = Api.golden("cases.csv").lines().filter(l -> l.startsWith("case_ref")
            || l.startsWith("NEW-001,") || l.startsWith("NEW-006,") || l.startsWith("NEW-024,"))
            .reduce("", (a, b) -> a + b + "\n");

    private static String inspection(String name) {
        String id = Api.openInspection("lena", name, "London");
        Api.registerCases("lena", id, CASES);
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                .put("/inspections/" + id + "/team/ivan").then().statusCode(200);
        return id;
    }

    private static String page(String id) {
        return "/workspace/inspections/" + id;
    }

    @Test
    void myInspectionsListsTheTeamsIAmOnAndViewersGetTheDashboard() {
        String id = inspection("Workspace Home PDU");
        Api.inspector("ivan").get("/workspace/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("href=\"/workspace/inspections/" + id + "\""))
                .body(containsString("Workspace Home PDU")).body(containsString("Inspector"))
                .body(containsString("govuk-frontend.min.css"));
        Api.inspector("oscar").get("/workspace/").then().statusCode(200)
                .body(not(containsString("Workspace Home PDU")));
        Api.as("vera", "viewer", "London").get("/workspace/").then().statusCode(200)
                .body(containsString("region dashboard")).body(containsString("/dashboard/"));
        Api.as("sam", "survey-ingest").get("/workspace/").then().statusCode(403);
        // the assets are public, the pages are not
        io.restassured.RestAssured.given().get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").then()
                .statusCode(200);
        io.restassured.RestAssured.given().get("/workspace-assets/workspace.js").then().statusCode(200);
        io.restassured.RestAssured.given().redirects().follow(false).get("/workspace/").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(302)));
    }

    @Test
    void casesShowTheirProgressByStandardAndFilterByCohortAndNotFinished() {
        String id = inspection("Workspace Progress PDU");
        Api.inspector("ivan").contentType("application/json").body(Map.of("answer", "YES"))
                .put("/inspections/" + id + "/cases/NEW-024/answers/2.1.1").then().statusCode(200);
        Response all = Api.inspector("ivan").get(page(id));
        all.then().statusCode(200).body(containsString("Showing 3 of 3 cases"))
                .body(containsString("/dashboard/panel/" + id))
                .header("Content-Security-Policy", containsString("frame-src http://127.0.0.1:8082"));
        String row = all.asString().split("id=\"case-NEW-024\"")[1].split("</tr>")[0];
        assertTrue(row.contains("1 of 1"), "2.1 has one key question, answered: " + row);
        assertTrue(row.contains("0 of 12"), "2.2 has 3 key questions and 9 prompts: " + row);
        assertTrue(row.contains("1 of 60"), row);
        Api.inspector("ivan").queryParam("cohort", "RESETTLEMENT").get(page(id)).then().statusCode(200)
                .body(containsString("Showing 1 of 3 cases")).body(containsString("NEW-024"))
                .body(not(containsString("id=\"case-NEW-001\"")));
        Api.inspector("ivan").queryParam("cohort", "YOUNG_ADULT").get(page(id)).then().statusCode(200)
                .body(containsString("Showing 1 of 3 cases")).body(containsString("id=\"case-NEW-001\""));
        Api.inspector("oscar").get(page(id)).then().statusCode(404);
    }

    @Test
    void aCasePageListsEveryKeyQuestionAndPromptAndItsFormsSaveAnswers() {
        String id = inspection("Workspace Case PDU");
        String casePage = page(id) + "/cases/NEW-001";
        String html = Api.inspector("ivan").get(casePage).then().statusCode(200).extract().asString();
        for (String q : List.of("2.1.1", "2.2.1", "2.2.1a", "2.5.3", "2.6.1")) {
            assertTrue(html.contains("action=\"" + casePage + "/answers/" + q + "\""), q);
        }
        Response saved = Forms.post("ivan", "inspector", casePage, casePage + "/answers/2.2.1",
                Map.of("answer", "NO", "note", "No assessment", "version", "0"));
        assertEquals(303, saved.statusCode(), saved.asString());
        assertTrue(saved.header("Location").endsWith("/cases/NEW-001?saved=2.2.1#q-2-2-1"), saved.header("Location"));
        Api.inspector("ivan").get("/inspections/" + id + "/cases/NEW-001").then()
                .body("answers.find { it.questionId == '2.2.1' }.answer", equalTo("NO"))
                .body("answers.find { it.questionId == '2.2.1' }.note", equalTo("No assessment"));
        Api.inspector("ivan").get(casePage + "?saved=2.2.1").then().body(containsString("Answer to 2.2.1 saved"))
                .body(containsString("Saved: No, by ivan"));
        // the page's script asks for JSON and gets the API's answer
        Forms.post("ivan", "inspector", casePage, casePage + "/answers/2.2.1", Map.of("answer", "YES", "version", "1"),
                "application/json").then().statusCode(200).contentType(containsString("application/json")).body("version", equalTo(2));
    }

    @Test
    void aRefusedAnswerShowsTheErrorSummaryAndSavesNothing() {
        String id = inspection("Workspace Bad Answer PDU");
        String casePage = page(id) + "/cases/NEW-001";
        Response missing = Forms.post("ivan", "inspector", casePage, casePage + "/answers/2.2.1",
                Map.of("note", "forgot to choose", "version", "0"));
        assertEquals(422, missing.statusCode());
        String html = missing.asString();
        assertTrue(html.contains("govuk-error-summary"), html);
        assertTrue(html.contains("href=\"#q-2-2-1-YES\""), "the summary links to the first radio");
        assertTrue(html.contains("govuk-error-message"));
        assertTrue(html.contains("forgot to choose"), "what was typed is kept");
        assertTrue(html.contains("<title>Error: "));
        Response tooLong = Forms.post("ivan", "inspector", casePage, casePage + "/answers/2.2.1",
                Map.of("answer", "YES", "note", "x".repeat(2001), "version", "0"));
        assertEquals(422, tooLong.statusCode());
        assertTrue(tooLong.asString().contains("href=\"#q-2-2-1-note\""));
        Response badVersion = Forms.post("ivan", "inspector", casePage, casePage + "/answers/2.2.1",
                Map.of("answer", "YES", "version", "zz"));
        assertEquals(422, badVersion.statusCode());
        Response badValue = Forms.post("ivan", "inspector", casePage, casePage + "/answers/2.2.1",
                Map.of("answer", "MAYBE", "version", "0"));
        assertEquals(422, badValue.statusCode());
        Api.inspector("ivan").get("/inspections/" + id + "/cases/NEW-001").then().body("answers.size()", equalTo(0));
        Api.inspector("ivan").contentType("application/x-www-form-urlencoded").formParams(Map.of("answer", "YES"))
                .post(casePage + "/answers/2.2.1").then().statusCode(400); // no CSRF token: refused, nothing written
        Api.inspector("ivan").get("/inspections/" + id + "/cases/NEW-001").then().body("answers.size()", equalTo(0));
        Forms.post("ivan", "inspector", casePage, casePage + "/answers/9.9.9", Map.of("answer", "YES")).then()
                .statusCode(422);
        Forms.post("ivan", "inspector", casePage, page(id) + "/cases/NOPE-1/answers/2.2.1", Map.of("answer", "YES"))
                .then().statusCode(404);
    }

    @Test
    void anEditConflictShowsTheOtherAnswerAndLetsTheInspectorKeepTheirs() {
        String id = inspection("Workspace Conflict PDU");
        String casePage = page(id) + "/cases/NEW-001";
        // ivan loaded the page when 2.3.1 had no answer (version 0); lena answers it meanwhile
        Api.lead("lena").contentType("application/json").body(Map.of("answer", "YES", "note", "Plan is sound"))
                .put("/inspections/" + id + "/cases/NEW-001/answers/2.3.1").then().statusCode(200);
        Response conflict = Forms.post("ivan", "inspector", casePage, casePage + "/answers/2.3.1",
                Map.of("answer", "NO", "note", "No plan", "version", "0"));
        assertEquals(409, conflict.statusCode());
        String html = conflict.asString();
        assertTrue(html.contains("Changed by someone else"), html);
        assertTrue(html.contains("lena saved “Yes”"), "their answer is shown");
        assertTrue(html.contains("Plan is sound"), "their note is shown");
        assertTrue(html.contains("No plan"), "ivan's note is kept on the page");
        assertTrue(html.contains("govuk-error-summary") && html.contains("href=\"#q-2-3-1-conflict\""));
        String form = html.split("id=\"q-2-3-1\"")[1].split("</form>")[0];
        assertTrue(form.contains("name=\"version\" value=\"1\""), "keeping mine now overwrites the version seen: " + form);
        Api.inspector("ivan").get("/inspections/" + id + "/cases/NEW-001").then()
                .body("answers.find { it.questionId == '2.3.1' }.answer", equalTo("YES"));
        // "Keep my answer" submits the same form with the version now shown
        Response kept = Forms.post("ivan", "inspector", casePage, casePage + "/answers/2.3.1",
                Map.of("answer", "NO", "note", "No plan", "version", "1", "resolution", "mine"));
        assertEquals(303, kept.statusCode(), kept.asString());
        Api.inspector("ivan").get("/inspections/" + id + "/cases/NEW-001").then()
                .body("answers.find { it.questionId == '2.3.1' }.answer", equalTo("NO"))
                .body("answers.find { it.questionId == '2.3.1' }.version", equalTo(2));
        // the script gets the problem document
        Forms.post("lena", "lead-inspector", casePage, casePage + "/answers/2.3.1", Map.of("answer", "YES", "version", "1"),
                "application/json").then().statusCode(409).contentType("application/problem+json").body("current.recordedBy", equalTo("ivan"));
    }

    @Test
    void theLeadAddsAndRemovesTeamMembersAndBadNamesAreRefused() {
        String id = inspection("Workspace Team PDU");
        String team = page(id) + "/team";
        Api.inspector("ivan").get(team).then().statusCode(200).body(containsString("lena"))
                .body(not(containsString("Add someone to the team")));
        Api.lead("lena").get(team).then().statusCode(200).body(containsString("Add someone to the team"));
        Response added = Forms.post("lena", "lead-inspector", team, team, Map.of("username", "oscar", "role", "INSPECTOR"));
        assertEquals(303, added.statusCode(), added.asString());
        Api.lead("lena").get("/inspections/" + id + "/team").then().body("username", hasItem("oscar"));
        Api.lead("lena").get(team + "?added=oscar").then().body(containsString("oscar was added to the team"));

        Response bad = Forms.post("lena", "lead-inspector", team, team, Map.of("username", "no spaces allowed!"));
        assertEquals(422, bad.statusCode());
        String html = bad.asString();
        assertTrue(html.contains("govuk-error-summary") && html.contains("href=\"#username\"") && html.contains("href=\"#role\""), html);
        assertTrue(html.contains("value=\"no spaces allowed!\""), "what was typed is kept");
        Response huge = Forms.post("lena", "lead-inspector", team, team, Map.of("username", "a".repeat(5_000), "role", "LEAD"));
        assertEquals(422, huge.statusCode());
        Api.lead("lena").get("/inspections/" + id + "/team").then().body("size()", equalTo(3));

        Forms.post("ivan", "inspector", team, team, Map.of("username", "mallory", "role", "LEAD")).then().statusCode(403);
        Response removed = Forms.post("lena", "lead-inspector", team, team + "/oscar/remove", Map.of());
        assertEquals(303, removed.statusCode());
        Api.lead("lena").get("/inspections/" + id + "/team").then().body("username", not(hasItem("oscar")));
        Response onlyLead = Forms.post("lena", "lead-inspector", team, team + "/lena/remove", Map.of());
        assertEquals(409, onlyLead.statusCode());
        assertTrue(onlyLead.asString().contains("only lead"));
    }

    @Test
    void theLeadRecordsJudgementsAndBadOnesAreRefusedWholly() {
        String id = inspection("Workspace Judgement PDU");
        String page = page(id) + "/judgements";
        Api.lead("lena").get(page).then().statusCode(200).body(containsString("1.1 Leadership"))
                .body(containsString("action=\"" + page + "/1.1\""));
        Response bad = Forms.post("lena", "lead-inspector", page, page + "/1.1", Map.of("rationale", "   ",
                "strengths", "Fine.\n\n" + "x".repeat(5001), "areasForImprovement", "Training"));
        assertEquals(422, bad.statusCode());
        String html = bad.asString();
        assertTrue(html.contains("href=\"#standard-q-1-1-rating\"") && html.contains("href=\"#standard-q-1-1-rationale\"")
                && html.contains("href=\"#standard-q-1-1-strengths\""), html);
        assertTrue(html.contains("paragraph 2 must be at most 5000 characters"), html);
        assertTrue(html.contains(">Training</textarea>"), "what was typed is kept");
        // a good rating with a bad narrative saves neither
        Forms.post("lena", "lead-inspector", page, page + "/1.1", Map.of("rating", "GOOD", "rationale", "Fine",
                "strengths", "x".repeat(5001))).then().statusCode(422);
        Api.lead("lena").get("/inspections/" + id + "/judgements").then().body("size()", equalTo(0));
        Api.lead("lena").get("/inspections/" + id + "/standards/1.1/narrative").then().body("version", equalTo(0));
        Response good = Forms.post("lena", "lead-inspector", page, page + "/1.1",
                Map.of("rating", "GOOD", "rationale", "Clear vision, well communicated.",
                        "strengths", "A clear vision.\r\n\r\nStaff know it.", "areasForImprovement", "Succession planning."));
        assertEquals(303, good.statusCode(), good.asString());
        Api.lead("lena").get("/inspections/" + id + "/judgements").then().body("[0].rating", equalTo("GOOD"));
        Api.lead("lena").get("/inspections/" + id + "/standards/1.1/narrative").then()
                .body("strengths", equalTo(List.of("A clear vision.", "Staff know it.")))
                .body("areasForImprovement", equalTo(List.of("Succession planning.")));
        Api.lead("lena").get(page + "?saved=1.1").then().body(containsString("Judgement for 1.1 saved"))
                .body(containsString("By lena"));
        Forms.post("ivan", "inspector", page, page + "/1.2", Map.of("rating", "GOOD", "rationale", "x")).then()
                .statusCode(403);
        Forms.post("lena", "lead-inspector", page, page + "/2.2", Map.of("rating", "GOOD", "rationale", "x")).then()
                .statusCode(422);
    }

    @Test
    void publishingShowsThePreconditionsAsATaskListConsistentWithThe409() {
        String id = inspection("Workspace Publish PDU");
        String page = page(id) + "/publish";
        List<String> fromEndpoint = Api.inspector("ivan").get("/inspections/" + id + "/publication/preconditions")
                .then().statusCode(200).body("ready", equalTo(false)).body("status", equalTo("OPEN"))
                .extract().jsonPath().getList("unmet.field");
        List<String> from409 = Api.lead("lena").contentType("application/json").body("{}").post("/inspections/" + id + "/publish").then().statusCode(409)
                .extract().jsonPath().getList("errors.field");
        assertEquals(from409, fromEndpoint);
        assertEquals(4 + 3 * 13, fromEndpoint.size());
        String html = Api.lead("lena").get(page).then().statusCode(200).extract().asString();
        assertTrue(html.contains("govuk-task-list"));
        assertTrue(html.contains("Judgement for 1.1 Leadership"));
        assertTrue(html.contains("Case NEW-024") && html.contains("13 key questions unanswered"));
        assertTrue(html.contains("43 preconditions still unmet"));

        Response refused = Forms.post("lena", "lead-inspector", page, page, Map.of("when", "now"));
        assertEquals(409, refused.statusCode());
        assertTrue(refused.asString().contains("govuk-error-summary"));
        assertTrue(refused.asString().contains("and 33 more unmet preconditions"));
        Response noTime = Forms.post("lena", "lead-inspector", page, page, Map.of("when", "later", "at", ""));
        assertEquals(422, noTime.statusCode());
        assertTrue(noTime.asString().contains("href=\"#at\""));
        Response pastTime = Forms.post("lena", "lead-inspector", page, page,
                Map.of("when", "later", "at", "2001-01-01T00:00:00Z"));
        assertEquals(422, pastTime.statusCode());

        Api.makeReady("lena", id);
        Api.inspector("ivan").get("/inspections/" + id + "/publication/preconditions").then()
                .body("ready", equalTo(true)).body("unmetCount", equalTo(0));
        Response published = Forms.post("lena", "lead-inspector", page, page, Map.of("when", "now"));
        assertEquals(303, published.statusCode(), published.asString());
        Api.lead("lena").get("/inspections/" + id).then().body("status", equalTo("PUBLISHED"));
        Api.lead("lena").get(page + "?done=published").then().body(containsString("The inspection was published"))
                .body(containsString("Reopen the inspection"));

        Response noReason = Forms.post("lena", "lead-inspector", page, page(id) + "/publish/reopen", Map.of("reason", " "));
        assertEquals(422, noReason.statusCode());
        assertTrue(noReason.asString().contains("href=\"#reason\""));
        Api.lead("lena").get("/inspections/" + id).then().body("status", equalTo("PUBLISHED"));
        Response reopened = Forms.post("lena", "lead-inspector", page, page(id) + "/publish/reopen",
                Map.of("reason", "A case was mis-sampled"));
        assertEquals(303, reopened.statusCode());
        Api.lead("lena").get("/inspections/" + id).then().body("status", equalTo("OPEN"));
    }
}
