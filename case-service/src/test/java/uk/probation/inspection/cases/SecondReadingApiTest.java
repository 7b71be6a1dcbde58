package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;
import uk.probation.inspection.cases.team.TeamMember;

/**
 * A blind second reading through the API on the real broker: assignment to a reader outside the team, answers given
 * without sight of the first ones, agreement per key question and per inspector (worked by hand below), and
 * resolutions, a change being an ordinary answer change.
 */
@QuarkusTest
class SecondReadingApiTest {

    static RequestSpecification quinn() {
        return Api.as("quinn", "inspector");
    }

    @Test
    void aSecondReadingIsBlindMeasuredAndResolved() throws Exception {
        String id = Api.openInspection("lena", "Second-read PDU", "London");
        String base = "/inspections/" + id;
        String qa = base + "/second-readings";
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 4));
        List<String> refs = List.of("NEW-001", "NEW-002", "NEW-003", "NEW-004");
        String[] first221 = {"YES", "YES", "NO", "NO"};
        String[] second221 = {"YES", "NO", "YES", "NO"};
        String[] second222 = {"YES", "YES", "YES", "NO"};
        for (int i = 0; i < 4; i++) {
            answer(Api.lead("lena"), base + "/cases/" + refs.get(i) + "/answers/2.2.1", first221[i], 200);
            answer(Api.lead("lena"), base + "/cases/" + refs.get(i) + "/answers/2.2.2", "YES", 200);
        }

        // Assignment: never to a member of the team; only the lead (or quality assurance) assigns.
        Api.lead("lena").contentType("application/json").body(Map.of("reader", "lena", "caseRefs", List.of("NEW-001", "NOPE-1")))
                .post(qa).then().statusCode(422).body("errors.field", contains("reader", "caseRefs[1]"));
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR")).put(base + "/team/ivan")
                .then().statusCode(200);
        Api.inspector("ivan").contentType("application/json").body(Map.of("reader", "quinn", "caseRefs", refs))
                .post(qa).then().statusCode(403);
        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            Api.lead("lena").contentType("application/json").body(Map.of("reader", "quinn", "caseRefs", refs))
                    .post(qa).then().statusCode(200).body("assigned", contains(refs.toArray()));
            Api.lead("lena").contentType("application/json").body(Map.of("reader", "quinn", "caseRefs", List.of("NEW-001")))
                    .post(qa).then().statusCode(422).body("errors[0].field", equalTo("caseRefs[0]"));

            // The reader sees the cases' facts and their own answers, nothing of the first reading.
            String mine = quinn().get(qa + "/mine").then().statusCode(200).body("caseRef", contains(refs.toArray()))
                    .body("[0].answers", hasSize(0)).body("[0].keyQuestions.id", hasItem("2.2.1"))
                    .extract().asString();
            assertFalse(mine.contains("recordedBy") || mine.contains("\"YES\"") || mine.contains("lena"), mine);
            quinn().get(base + "/cases/NEW-001").then().statusCode(404); // not on the team
            Api.as("otto", "inspector").get(qa + "/mine").then().statusCode(404); // nothing given to otto
            for (int i = 0; i < 4; i++) {
                answer(quinn(), qa + "/" + refs.get(i) + "/answers/2.2.1", second221[i], 200);
                answer(quinn(), qa + "/" + refs.get(i) + "/answers/2.2.2", second222[i], 200);
            }
            answer(quinn(), qa + "/NEW-001/answers/2.2.1a", "YES", 422); // key questions only
            answer(quinn(), qa + "/NEW-001/answers/2.2.1", "MAYBE", 422);
            answer(Api.as("otto", "inspector"), qa + "/NEW-001/answers/2.2.1", "YES", 404);
            quinn().get(qa + "/mine").then().body("[1].answers.answer", contains("NO", "YES"));

            // Agreement, by hand. 2.2.1: YY YN NY NN, 2 of 4; first and second each Yes 2 No 2, pₑ = ½: κ = 0.
            // 2.2.2: YY YY YY YN, 3 of 4; the first said Yes to all, pₑ = 1·¾: κ = (¾ − ¾)/(1 − ¾) = 0.
            // Together: 5 of 8 = 62.5%; first Yes 6 No 2, second Yes 5 No 3: pₑ = (30 + 6)/64; κ = (40 − 36)/(64 − 36) = 1/7.
            Api.lead("lena").get(qa + "/agreement").then().statusCode(200)
                    .body("overall.pairs", equalTo(8)).body("overall.agreed", equalTo(5))
                    .body("overall.percentage", equalTo(62.5f)).body("overall.kappa", equalTo(0.143f))
                    .body("keyQuestions.find { it.id == '2.2.1' }.agreement.percentage", equalTo(50.0f))
                    .body("keyQuestions.find { it.id == '2.2.1' }.agreement.kappa", equalTo(0.0f))
                    .body("keyQuestions.find { it.id == '2.2.2' }.agreement.kappa", equalTo(0.0f))
                    .body("keyQuestions.find { it.id == '2.3.1' }.agreement.pairs", equalTo(0))
                    .body("inspectors.inspector", contains("lena"))
                    .body("disagreements.caseRef", contains("NEW-002", "NEW-003", "NEW-004"))
                    .body("disagreements[0].resolution", nullValue());
            Api.inspector("ivan").get(qa + "/agreement").then().statusCode(403);

            // Resolutions: kept, changed (an ordinary answer change), each audited; once only; only disagreements.
            resolve(qa + "/NEW-002/resolutions/2.2.1", Map.of("outcome", "KEPT", "reason", "The plan names the risk."), 200);
            resolve(qa + "/NEW-003/resolutions/2.2.1", Map.of("outcome", "CHANGED", "reason", "The reader is right."), 200);
            resolve(qa + "/NEW-003/resolutions/2.2.1", Map.of("outcome", "KEPT", "reason", "again"), 409);
            resolve(qa + "/NEW-001/resolutions/2.2.1", Map.of("outcome", "KEPT", "reason", "agree"), 422);
            resolve(qa + "/NEW-004/resolutions/2.2.2", Map.of("outcome", "SOMETIMES"), 422);
            Api.lead("lena").get(base + "/cases/NEW-003").then()
                    .body("answers.find { it.questionId == '2.2.1' }.answer", equalTo("YES"))
                    .body("answers.find { it.questionId == '2.2.1' }.version", equalTo(2));
            Api.lead("lena").get(qa + "/agreement").then()
                    .body("keyQuestions.find { it.id == '2.2.1' }.agreement.percentage", equalTo(50.0f)) // the readings as given
                    .body("disagreements[0].resolution.outcome", equalTo("KEPT"))
                    .body("disagreements[1].resolution.outcome", equalTo("CHANGED"))
                    .body("disagreements[1].resolution.resolvedBy", equalTo("lena"))
                    .body("disagreements[2].resolution", nullValue());

            // each second answer and resolution is followed by the agreement as it then stands (10 in all)
            List<CaseEventsReader.Event> events = reader.awaitAtLeast(4 + 8 + 2 + 1 + 10, Duration.ofSeconds(30));
            List<String> types = events.stream().map(CaseEventsReader.Event::type).toList();
            assertEquals(4, types.stream().filter("second.reading.assigned"::equals).count());
            assertEquals(8, types.stream().filter("second.answer.recorded"::equals).count());
            assertEquals(2, types.stream().filter("second.reading.resolved"::equals).count());
            assertEquals(10, types.stream().filter("second.reading.agreement.summarised"::equals).count());
            assertEquals(List.of("answer.recorded", "second.reading.resolved", "second.reading.agreement.summarised"),
                    types.subList(types.size() - 3, types.size()));
            List<JsonNode> summaries = events.stream().filter(e -> e.type().equals("second.reading.agreement.summarised"))
                    .map(e -> SamplingApiTest.read(e.data())).toList();
            for (int i = 1; i < summaries.size(); i++) {
                assertTrue(summaries.get(i).path("version").asInt() > summaries.get(i - 1).path("version").asInt(),
                        "versions rise: " + summaries);
            }
            JsonNode last = summaries.get(summaries.size() - 1); // the figures of GET .../agreement, by hand above
            assertEquals(8, last.path("overall").path("pairs").asInt());
            assertEquals(5, last.path("overall").path("agreed").asInt());
            assertEquals(0.143, last.path("overall").path("kappa").asDouble());
            assertEquals("lena", last.path("inspectors").get(0).path("inspector").asText());
            assertEquals(List.of("NEW-002", "NEW-003", "NEW-004"), last.path("disagreements").findValuesAsText("caseRef"));
            assertEquals("KEPT", last.path("disagreements").get(0).path("outcome").asText());
            assertEquals("The reader is right.", last.path("disagreements").get(1).path("reason").asText());
            assertTrue(last.path("disagreements").get(2).path("outcome").isNull());

            // A first answer changed later moves the agreement only where the pair is answered and unresolved:
            // NEW-002's 2.2.1 is resolved (kept as read), 2.2.1a is a prompt, NEW-004's 2.2.1 (NO, NO) now disagrees.
            answer(Api.lead("lena"), base + "/cases/NEW-002/answers/2.2.1", "NO", 200);
            answer(Api.lead("lena"), base + "/cases/NEW-001/answers/2.2.1a", "YES", 200);
            answer(Api.lead("lena"), base + "/cases/NEW-004/answers/2.2.1", "YES", 200);
            List<CaseEventsReader.Event> later = reader.awaitAtLeast(events.size() + 4, Duration.ofSeconds(30))
                    .subList(events.size(), events.size() + 4);
            assertEquals(List.of("answer.recorded", "answer.recorded", "answer.recorded",
                    "second.reading.agreement.summarised"), later.stream().map(CaseEventsReader.Event::type).toList());
            JsonNode moved = SamplingApiTest.read(later.get(3).data());
            assertTrue(moved.path("version").asInt() > last.path("version").asInt());
            assertEquals(4, moved.path("overall").path("agreed").asInt(), "5 of 8 before, NEW-004 2.2.1 no longer agrees");
            Api.lead("lena").get(qa + "/agreement").then()
                    .body("overall.agreed", equalTo(4))
                    .body("keyQuestions.find { it.id == '2.2.1' }.agreement.agreed", equalTo(1))
                    .body("disagreements.caseRef", contains("NEW-002", "NEW-003", "NEW-004", "NEW-004"));
        }
    }

    @Test
    void aQualityAssuranceMemberOfTheTeamAssignsAndMeasuresButReadsNoCases() {
        String id = Api.openInspection("lena", "QA-led PDU", "London");
        String qa = "/inspections/" + id + "/second-readings";
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                .put("/inspections/" + id + "/team/quentin").then().statusCode(200);
        RequestSpecification quentin = Api.as("quentin", "quality-assurance");
        quentin.contentType("application/json").body(Map.of("reader", "quinn", "caseRefs", List.of("NEW-001")))
                .post(qa).then().statusCode(200);
        Api.as("quentin", "quality-assurance").get(qa + "/agreement").then().statusCode(200).body("overall.pairs", equalTo(0));
        Api.as("quentin", "quality-assurance").get("/inspections/" + id + "/cases").then().statusCode(403);
        // not on this team: as if it did not exist
        Api.as("queenie", "quality-assurance").get(qa + "/agreement").then().statusCode(404);
        Api.as("quinn", "inspector").get(qa + "/mine").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aReaderCannotJoinTheTeamAndOneWhoIsOnItNoLongerReads() {
        String id = Api.openInspection("lena", "Blind-kept PDU", "London");
        String base = "/inspections/" + id;
        String qa = base + "/second-readings";
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        answer(Api.lead("lena"), base + "/cases/NEW-001/answers/2.2.1", "YES", 200);
        Api.lead("lena").contentType("application/json").body(Map.of("reader", "quinn", "caseRefs", List.of("NEW-001")))
                .post(qa).then().statusCode(200);

        // Joining the team would show the reader the first answers: refused, and nothing is added.
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR")).put(base + "/team/quinn")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("second reading"));
        Api.lead("lena").get(base + "/team").then().statusCode(200).body("username", not(hasItem("quinn")));
        quinn().get(base + "/cases").then().statusCode(404);
        answer(quinn(), qa + "/NEW-001/answers/2.2.1", "NO", 200);

        // A reader found on the team all the same (a membership older than this rule) neither reads nor answers.
        QuarkusTransaction.requiringNew().run(() -> {
            TeamMember member = new TeamMember();
            member.inspectionId = java.util.UUID.fromString(id);
            member.username = "quinn";
            member.role = TeamMember.Role.INSPECTOR;
            member.addedBy = "lena";
            member.addedAt = java.time.Instant.now();
            member.persist();
        });
        quinn().get(qa + "/mine").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("team"));
        quinn().contentType("application/json").body(Map.of("answer", "YES")).put(qa + "/NEW-001/answers/2.2.1").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("blind"));
        Api.lead("lena").get(qa + "/agreement").then().statusCode(200)
                .body("disagreements[0].secondAnswer", equalTo("NO")); // the refused answer changed nothing
    }

    @Test
    void someoneWhoRecordedFirstAnswersOnACaseCannotSecondReadIt() {
        String id = Api.openInspection("lena", "Former member PDU", "London");
        String base = "/inspections/" + id;
        String qa = base + "/second-readings";
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 3));
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR")).put(base + "/team/ivan")
                .then().statusCode(200);
        answer(Api.inspector("ivan"), base + "/cases/NEW-001/answers/2.2.1", "YES", 200); // ivan's answer stands
        answer(Api.inspector("ivan"), base + "/cases/NEW-002/answers/2.2.1", "YES", 200);
        answer(Api.lead("lena"), base + "/cases/NEW-002/answers/2.2.1", "NO", 200); // ivan's is only in the history
        Api.lead("lena").delete(base + "/team/ivan").then().statusCode(204);

        Api.lead("lena").contentType("application/json")
                .body(Map.of("reader", "ivan", "caseRefs", List.of("NEW-001", "NEW-002", "NEW-003")))
                .post(qa).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("caseRefs[0]", "caseRefs[1]"))
                .body("errors[0].message", containsString("first answers"));
        Api.as("ivan", "inspector").get(qa + "/mine").then().statusCode(404); // nothing half-assigned
        Api.lead("lena").contentType("application/json").body(Map.of("reader", "ivan", "caseRefs", List.of("NEW-003")))
                .post(qa).then().statusCode(200).body("assigned", contains("NEW-003"));
    }

    @Test
    void aSecondReaderAnswersOnlyTheKeyQuestionsThatApplyToTheCase() {
        String id = Api.lead("lena").contentType("application/json")
                .body(Map.of("name", "Youth second reading", "region", "London", "pdu", "Youth", "frameworkId",
                        "hmip-youth-justice-2021", "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24",
                        "sampleTo", "2022-02-25"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        String qa = "/inspections/" + id + "/second-readings";
        Api.lead("lena").contentType("application/json").body(List.of(
                Map.of("caseRef", "YJ-101", "disposal", "COURT", "disposalType", "REFERRAL_ORDER", "gender", "FEMALE",
                        "ethnicity", "White", "ageAtStart", "14", "lookedAfter", true, "roshLevel", "LOW",
                        "safetyWellbeingLevel", "HIGH"),
                Map.of("caseRef", "YJ-201", "disposal", "OUT_OF_COURT", "disposalType", "YOUTH_CAUTION", "gender", "MALE",
                        "ethnicity", "White", "ageAtStart", "15", "lookedAfter", false, "roshLevel", "LOW",
                        "safetyWellbeingLevel", "LOW")))
                .post("/inspections/" + id + "/cases").then().statusCode(201);
        Api.lead("lena").contentType("application/json").body(Map.of("reader", "quinn", "caseRefs", List.of("YJ-101", "YJ-201")))
                .post(qa).then().statusCode(200);

        // Domain 2 applies to court cases, domain 3 to out-of-court ones (the reader's list: KeyQuestionsTest).
        answer(quinn(), qa + "/YJ-101/answers/2.1.1", "YES", 200);
        answer(quinn(), qa + "/YJ-201/answers/3.1.1", "YES", 200);
        quinn().contentType("application/json").body(Map.of("answer", "YES")).put(qa + "/YJ-101/answers/3.1.1").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("questionId"))
                .body("errors[0].message", containsString("applies only to cases with disposal OUT_OF_COURT"));
        quinn().contentType("application/json").body(Map.of("answer", "NO")).put(qa + "/YJ-201/answers/2.1.1").then()
                .statusCode(422).body("errors[0].message", containsString("applies only to cases with disposal COURT"));
    }

    /**
     * Two first readers, each measured on their own pairs (worked by hand). lena: YY YY NN YN, 3 of 4 = 75%; her
     * Yes 3 No 1, the reader's Yes 2 No 2: pₑ = (6 + 2)/16 = ½, κ = (¾ − ½)/½ = 0.5. ivan: YN NN NN NY, 2 of 4 = 50%;
     * his Yes 1 No 3, the reader's Yes 1 No 3: pₑ = (1 + 9)/16, κ = (8 − 10)/(16 − 10) = −⅓. Overall 5 of 8 = 62.5%;
     * first Yes 4 No 4, second Yes 3 No 5: pₑ = (12 + 20)/64 = ½, κ = (⅝ − ½)/½ = 0.25.
     */
    @Test
    void agreementIsMeasuredForEachFirstReader() {
        String id = Api.openInspection("lena", "Two readers PDU", "London");
        String base = "/inspections/" + id;
        String qa = base + "/second-readings";
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 4));
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR")).put(base + "/team/ivan")
                .then().statusCode(200);
        String[][] first = {{"lena", "NEW-001", "YES", "YES"}, {"lena", "NEW-002", "NO", "YES"},
                {"ivan", "NEW-003", "YES", "NO"}, {"ivan", "NEW-004", "NO", "NO"}};
        String[][] second = {{"YES", "YES"}, {"NO", "NO"}, {"NO", "NO"}, {"NO", "YES"}};
        List<String> refs = List.of("NEW-001", "NEW-002", "NEW-003", "NEW-004");
        for (String[] f : first) {
            RequestSpecification as = f[0].equals("lena") ? Api.lead("lena") : Api.inspector("ivan");
            answer(as, base + "/cases/" + f[1] + "/answers/2.2.1", f[2], 200);
            as = f[0].equals("lena") ? Api.lead("lena") : Api.inspector("ivan");
            answer(as, base + "/cases/" + f[1] + "/answers/2.2.2", f[3], 200);
        }
        Api.lead("lena").contentType("application/json").body(Map.of("reader", "quinn", "caseRefs", refs))
                .post(qa).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            answer(quinn(), qa + "/" + refs.get(i) + "/answers/2.2.1", second[i][0], 200);
            answer(quinn(), qa + "/" + refs.get(i) + "/answers/2.2.2", second[i][1], 200);
        }
        Api.lead("lena").get(qa + "/agreement").then().statusCode(200)
                .body("inspectors.inspector", contains("ivan", "lena"))
                .body("inspectors.find { it.inspector == 'lena' }.agreement.pairs", equalTo(4))
                .body("inspectors.find { it.inspector == 'lena' }.agreement.agreed", equalTo(3))
                .body("inspectors.find { it.inspector == 'lena' }.agreement.percentage", equalTo(75.0f))
                .body("inspectors.find { it.inspector == 'lena' }.agreement.kappa", equalTo(0.5f))
                .body("inspectors.find { it.inspector == 'ivan' }.agreement.pairs", equalTo(4))
                .body("inspectors.find { it.inspector == 'ivan' }.agreement.agreed", equalTo(2))
                .body("inspectors.find { it.inspector == 'ivan' }.agreement.percentage", equalTo(50.0f))
                .body("inspectors.find { it.inspector == 'ivan' }.agreement.kappa", equalTo(-0.333f))
                .body("overall.percentage", equalTo(62.5f)).body("overall.kappa", equalTo(0.25f));
    }

    static void answer(RequestSpecification as, String path, String answer, int status) {
        as.contentType("application/json").body(Map.of("answer", answer)).put(path).then().statusCode(status);
    }

    static void resolve(String path, Map<String, String> body, int status) {
        Api.lead("lena").contentType("application/json").body(body).post(path).then().statusCode(status);
    }
}
