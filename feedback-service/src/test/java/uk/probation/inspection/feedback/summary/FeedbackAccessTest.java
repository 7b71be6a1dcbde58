package uk.probation.inspection.feedback.summary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.feedback.CaseEvents;
import uk.probation.inspection.feedback.Surveys;
import uk.probation.inspection.infra.test.TestTokens;
import uk.probation.inspection.platform.csv.CsvTable;

/** Who may read and write which inspection's feedback, suppression for viewers, and comments for the team only. */
@QuarkusTest
class FeedbackAccessTest {

    private static String published;   // london, published, golden data; team lena (lead) and ivan
    private static String unpublished; // london, not published; team lena

    @BeforeEach
    void inspections() {
        if (published != null) {
            return;
        }
        published = CaseEvents.open("london", "lena");
        CaseEvents.addMember(published, "ivan", "INSPECTOR");
        CaseEvents.awaitVisible(published, "ivan", "inspector", null);
        Surveys.postCsv(published, Surveys.ingest(), Surveys.goldenCsv()).then().statusCode(200);
        CaseEvents.publish(published, "lena"); // the old shape: no version, no time (version 1, visible from ce_time)
        CaseEvents.awaitVisible(published, "vera", "viewer", "london");
        unpublished = CaseEvents.open("london", "lena");
    }

    @Test
    void noTokenIs401OnEveryEndpoint() {
        given().get("/inspections/{id}/feedback", published).then().statusCode(401);
        given().get("/inspections/{id}/feedback/comments", published).then().statusCode(401);
        given().get("/survey-templates").then().statusCode(401);
        given().contentType(Surveys.CSV_UTF8).body("x").post("/inspections/{id}/surveys/user-voice-2022/responses",
                published).then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/inspections/{id}/feedback", published).then().statusCode(401);
    }

    @Test
    void rolesThatMayNotReadAre403() {
        for (String role : List.of("survey-ingest", "admin")) {
            given().auth().oauth2(TestTokens.token("sam", role)).get("/inspections/{id}/feedback", published)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.token("vera", "viewer")).get("/inspections/{id}/feedback/comments", published)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token("vera", "viewer")).contentType(Surveys.CSV_UTF8).body("x")
                .post("/inspections/{id}/surveys/user-voice-2022/responses", published).then().statusCode(403);
        // Only survey-ingest submits: not even the inspection's own team.
        for (String[] user : new String[][] { { "ada", "admin" }, { "lena", "lead-inspector" }, { "ivan", "inspector" } }) {
            given().auth().oauth2(TestTokens.token(user[0], user[1])).contentType(Surveys.CSV_UTF8)
                    .body(Surveys.goldenCsv()).post("/inspections/{id}/surveys/user-voice-2022/responses", unpublished)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        assertEquals(0, Surveys.feedback(unpublished, Surveys.lead("lena")).get("respondents").asInt());
    }

    @Test
    void outOfScopeIs404() {
        String northEast = TestTokens.token("nell", "viewer", "north-east");
        given().auth().oauth2(northEast).get("/inspections/{id}/feedback", published).then().statusCode(404);
        String london = TestTokens.token("vera", "viewer", "london");
        given().auth().oauth2(london).get("/inspections/{id}/feedback", unpublished).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("all", "viewer", "*")).get("/inspections/{id}/feedback", published)
                .then().statusCode(200);
        given().auth().oauth2(london).get("/inspections/{id}/feedback", "no-such-inspection").then().statusCode(404);

        String otto = TestTokens.token("otto", "inspector");
        given().auth().oauth2(otto).get("/inspections/{id}/feedback", published).then().statusCode(404);
        given().auth().oauth2(otto).get("/inspections/{id}/feedback/comments", published).then().statusCode(404);
        Surveys.postCsv("no-such-inspection", Surveys.ingest(), Surveys.goldenCsv()).then().statusCode(404);
        // A lead of another inspection is not on this one's team either.
        given().auth().oauth2(TestTokens.token("lou", "lead-inspector")).get("/inspections/{id}/feedback", unpublished)
                .then().statusCode(404);
    }

    @Test
    void teamSeesUnpublishedAndSurveyIngestMaySubmit() {
        String id = CaseEvents.open("london", "lena");
        // survey-ingest submits to any known inspection; one respondent sent again replaces itself.
        String firstRow = Surveys.goldenRows(java.util.Set.of("UV-001"));
        Surveys.postCsv(id, Surveys.ingest(), firstRow).then().statusCode(200)
                .body("accepted", equalTo(1)).body("replaced", equalTo(0));
        Surveys.postCsv(id, TestTokens.token("uv", "survey-ingest"), firstRow).then().statusCode(200)
                .body("accepted", equalTo(1)).body("replaced", equalTo(1));
        assertEquals(1, Surveys.feedback(id, Surveys.lead("lena")).get("respondents").asInt());
        // The published one takes nothing more.
        Surveys.postCsv(published, Surveys.ingest(), firstRow).then().statusCode(409);
        assertEquals(96, Surveys.feedback(published, Surveys.lead("lena")).get("respondents").asInt());
    }

    @Test
    void removedMemberLosesAccessAndARedeliveredEventIsAppliedOnce() throws Exception {
        String id = CaseEvents.open("london", "lena");
        CaseEvents.addMember(id, "ian", "INSPECTOR");
        CaseEvents.awaitVisible(id, "ian", "inspector", null);
        var removal = CaseEvents.removeMember(id, "ian");
        CaseEvents.awaitStatus(id, TestTokens.token("ian", "inspector"), 404);
        Surveys.feedback(id, Surveys.lead("lena")); // the lead still sees it

        CaseEvents.addMember(id, "ian", "INSPECTOR");
        CaseEvents.awaitVisible(id, "ian", "inspector", null);
        CaseEvents.sendRaw(removal); // the old removal again, same ce_id: already applied, so skipped
        CaseEvents.send("answer.recorded", id, java.util.Map.of("inspectionId", id, "caseRef", "NEW-001",
                "questionId", "2.2.1", "answer", "YES", "version", 1, "recordedBy", "lena")); // not needed: ignored
        CaseEvents.addMember(id, "mark", "INSPECTOR"); // same partition, so applied after the two above
        CaseEvents.awaitVisible(id, "mark", "inspector", null);
        Surveys.feedback(id, TestTokens.token("ian", "inspector"));
    }

    @Test
    void viewerBreakdownSuppressesSmallCellsAndTheirComplementsTeamSeesNumbers() {
        JsonNode viewer = Surveys.feedback(published, TestTokens.token("vera", "viewer", "london"), "?by=ethnicity");
        assertEquals(5, viewer.get("suppressionThreshold").asInt());
        assertEquals(1, viewer.get("publicationVersion").asInt());
        JsonNode notSaid = viewer.at("/groups/PREFER_NOT_TO_SAY");
        assertTrue(notSaid.at("/respondents/suppressed").asBoolean(), notSaid.toString());
        assertTrue(notSaid.at("/questions/happy_with_support/suppressed").asBoolean());
        assertTrue(viewer.at("/groups/OTHER/questions/say_in_how_run/suppressed").asBoolean());
        assertEquals(27, viewer.at("/groups/ASIAN/respondents").asInt());
        // 96 respondents, minority ethnic 65, ASIAN 27 and BLACK 26 shown: the rest only in pairs (31 and 12).
        JsonNode viewerSummary = Surveys.feedback(published, TestTokens.token("vera", "viewer", "london"));
        assertEquals(65, viewerSummary.get("minorityEthnic").asInt());
        for (String group : List.of("MIXED", "OTHER", "WHITE", "PREFER_NOT_TO_SAY")) {
            assertTrue(viewerSummary.at("/ethnicity/" + group + "/suppressed").asBoolean(), group);
            assertTrue(viewer.at("/groups/" + group + "/respondents/suppressed").asBoolean(), group);
        }

        JsonNode team = Surveys.feedback(published, Surveys.lead("lena"), "?by=ethnicity");
        assertTrue(team.get("suppressionThreshold").isNull());
        assertEquals(2, team.at("/groups/PREFER_NOT_TO_SAY/respondents").asInt());
        assertEquals(29, team.at("/groups/WHITE/respondents").asInt());
        assertFalse(team.toString().contains("suppressed"), "the team sees every number");

        // Every small viewer cell is suppressed; every shown one is the team's; within a question the suppressed
        // non-empty cells are never alone, so the total minus the shown cells gives no one cell back.
        JsonNode total = Surveys.feedback(published, Surveys.lead("lena"));
        int suppressed = 0;
        for (String question : (Iterable<String>) () -> total.get("questions").fieldNames()) {
            int hiddenNonEmpty = 0;
            for (var group : (Iterable<java.util.Map.Entry<String, JsonNode>>) viewer.get("groups")::fields) {
                JsonNode real = team.at("/groups/" + group.getKey() + "/questions/" + question);
                JsonNode seen = group.getValue().at("/questions/" + question);
                int yes = real.get("yes").asInt();
                int answered = real.get("answered").asInt();
                boolean small = yes < 5 || answered - yes < 5 || answered < 5;
                if (seen.has("suppressed")) {
                    suppressed++;
                    hiddenNonEmpty += answered > 0 ? 1 : 0;
                } else {
                    assertFalse(small, group.getKey() + " " + question + " is small but shown");
                    assertEquals(real, seen);
                }
            }
            assertTrue(hiddenNonEmpty != 1, question + ": a single suppressed figure is the total minus the rest");
        }
        assertTrue(suppressed > 0);

        // The team's per-gender figures add up to the totals.
        JsonNode byGender = Surveys.feedback(published, Surveys.lead("lena"), "?by=gender");
        JsonNode all = Surveys.feedback(published, Surveys.lead("lena"));
        assertEquals(all.at("/questions/happy_with_support/yes").asInt(),
                byGender.at("/groups/MALE/questions/happy_with_support/yes").asInt()
                        + byGender.at("/groups/FEMALE/questions/happy_with_support/yes").asInt());
        assertEquals(all.at("/options/issues.APPOINTMENTS/selected").asInt(),
                byGender.at("/groups/MALE/options/issues.APPOINTMENTS/selected").asInt()
                        + byGender.at("/groups/FEMALE/options/issues.APPOINTMENTS/selected").asInt());

        given().auth().oauth2(Surveys.lead("lena")).get("/inspections/{id}/feedback?by=shoe_size", published)
                .then().statusCode(400);
    }

    @Test
    void commentsAreForTheTeamOnly() {
        List<String> comments = CsvTable.parse(Surveys.goldenCsv()).rows().stream()
                .map(r -> r.get("comments")).filter(c -> !c.isEmpty()).toList();
        JsonNode body = Surveys.JSON.valueToTree(given().auth().oauth2(TestTokens.token("ivan", "inspector"))
                .get("/inspections/{id}/feedback/comments", published).then().statusCode(200)
                .extract().as(java.util.Map.class));
        assertEquals(comments.size(), body.get("comments").size());
        assertEquals(comments.get(0), body.at("/comments/0/text").asText());

        String viewerSummary = given().auth().oauth2(TestTokens.token("vera", "viewer", "london"))
                .get("/inspections/{id}/feedback", published).then().statusCode(200).extract().asString();
        String viewerBreakdown = given().auth().oauth2(TestTokens.token("vera", "viewer", "london"))
                .get("/inspections/{id}/feedback?by=channel", published).then().statusCode(200).extract().asString();
        for (String comment : comments) {
            assertFalse(viewerSummary.contains(comment) || viewerBreakdown.contains(comment), comment);
        }
    }

    @Test
    void aBoundMemberIsTheirSubNotTheirName() {
        String id = CaseEvents.open("london", "lena");
        CaseEvents.addMember(id, "ivo", "INSPECTOR");
        String ivoOne = token("ivo", "sub-ivo-1");
        String ivoTwo = token("ivo", "sub-ivo-2");
        CaseEvents.awaitStatus(id, ivoTwo, 200); // unbound: the name is enough until case-service binds it
        CaseEvents.send(new uk.probation.inspection.events.cases.TeamMemberBound(java.util.UUID.fromString(id), "ivo",
                "sub-ivo-1"));
        CaseEvents.awaitStatus(id, ivoTwo, 404);
        given().auth().oauth2(ivoOne).get("/inspections/{id}/feedback", id).then().statusCode(200);
        given().auth().oauth2(ivoTwo).get("/inspections/{id}/feedback/comments", id).then().statusCode(404);
    }

    private static String token(String username, String subject) {
        return TestTokens.issuer().sign(java.util.Map.of("sub", subject, "preferred_username", username, "groups",
                List.of("inspector")), java.time.Duration.ofMinutes(10));
    }
}
