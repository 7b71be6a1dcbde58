package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;
import uk.probation.inspection.cases.support.CaseEventsReader.Event;

/** Bad input: problem+json naming what is wrong, never a 500, never a partial write, never an event. */
@QuarkusTest
class BadInputTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void aBatchWithOneBadRowIsRejectedWholeAndEmitsNothing() {
        String id = Api.openInspection("lena", "Bad batch PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 3));
        String batch = "case_ref,question_id,answer\n"
                + "NEW-001,2.2.1,YES\n"
                + "NEW-002,2.2.1,NO\n"
                + "NEW-003,2.2.1,PERHAPS\n"
                + "NEW-003,2.2.2,YES\n";
        Api.lead("lena").contentType("text/csv").body(batch).post("/inspections/" + id + "/answers").then()
                .statusCode(422).contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].field", equalTo("answer"))
                .body("errors[0].message", containsString("PERHAPS"));
        Api.lead("lena").get("/inspections/" + id + "/cases/NEW-001").then().statusCode(200)
                .body("answers", hasSize(0));

        // A later change is the next event: the rejected batch emitted none.
        Api.lead("lena").contentType("application/json").body(Map.of("answer", "YES"))
                .put("/inspections/" + id + "/cases/NEW-002/answers/2.2.2").then().statusCode(200)
                .body("version", equalTo(1));
        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            List<Event> events = reader.awaitAtLeast(6, Duration.ofSeconds(60));
            assertEquals(List.of("inspection.opened", "team.member.added", "case.registered", "case.registered",
                    "case.registered", "answer.recorded"), events.stream().map(Event::type).toList());
            assertEquals(true, events.get(5).data().contains("\"caseRef\":\"NEW-002\""));
        }
    }

    @Test
    void everyBadRowOfABatchIsListed() {
        String id = Api.openInspection("lena", "Bad rows PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 2));
        String json = "[{\"caseRef\":\"NEW-001\",\"questionId\":\"2.2.1\",\"answer\":\"YES\"},"
                + "{\"caseRef\":\"NEW-404\",\"questionId\":\"2.2.1\",\"answer\":\"YES\"},"
                + "{\"caseRef\":\"NEW-001\",\"questionId\":\"9.9.9\",\"answer\":\"YES\"},"
                + "{\"caseRef\":\"NEW-001\",\"questionId\":\"2.2.1\",\"answer\":\"NO\"}]";
        Api.lead("lena").contentType("application/json").body(json).post("/inspections/" + id + "/answers").then()
                .statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("[1].caseRef", "[2].questionId", "[3].questionId")));
        Api.lead("lena").contentType("text/csv").body("case_ref,question,answer,extra\nNEW-001,2.2.1,YES,x\n")
                .post("/inspections/" + id + "/answers").then().statusCode(422)
                .body("errors.field", equalTo(List.of("question", "extra", "question_id")));
        Api.lead("lena").contentType("application/json").body("[{\"caseRef\":\"NEW-001\",\"questionId\":\"2.2.1\","
                + "\"answer\":\"YES\",\"name\":\"John\"}]").post("/inspections/" + id + "/answers").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("name"));
        Api.lead("lena").contentType("text/csv").body("case_ref,question_id,answer\n\"NEW-001,2.2.1,YES\n")
                .post("/inspections/" + id + "/answers").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void casesAreValidatedFieldByField() {
        String id = Api.openInspection("lena", "Bad cases PDU", "London");
        String csv = "case_ref,cohort,sentence_type,young_adult,gender,ethnicity,rosh_level,start_date\n"
                + "NEW-001,COMMUNITY,COMMUNITY_ORDER,false,MALE,White,LOW,2022-01-24\n"
                + "John Smith,PRISON,COMMUNITY_ORDER,maybe,MALE,White,LOW,2022-13-01\n"
                + "NEW-001,RESETTLEMENT,COMMUNITY_ORDER,true,MALE,White,SEVERE,2022-02-01\n";
        Api.lead("lena").contentType("text/csv").body(csv).post("/inspections/" + id + "/cases").then()
                .statusCode(422).contentType(PROBLEM)
                .body("errors.line", equalTo(List.of(3, 3, 3, 3, 4, 4, 4)))
                .body("errors.field", equalTo(List.of("case_ref", "cohort", "young_adult", "start_date",
                        "case_ref", "sentence_type", "rosh_level")));
        Api.lead("lena").get("/inspections/" + id + "/cases").then().statusCode(200).body("$", hasSize(0));

        Api.lead("lena").contentType("text/csv").body("case_ref,cohort,name\nNEW-001,COMMUNITY,John\n")
                .post("/inspections/" + id + "/cases").then().statusCode(422)
                .body("errors.field", hasItems("name", "sentence_type", "young_adult", "start_date"))
                .body("errors.find { it.field == 'name' }.message", containsString("unknown column"));

        Api.lead("lena").contentType("application/json").body("{\"caseRef\":\"NEW-050\",\"cohort\":\"COMMUNITY\"}")
                .post("/inspections/" + id + "/cases").then().statusCode(422)
                .body("errors.field", equalTo(List.of("sentenceType", "youngAdult", "gender", "ethnicity",
                        "roshLevel", "startDate")));
        Api.lead("lena").contentType("application/json").body("{\"caseRef\":\"NEW-050\",\"fullName\":\"J\"}")
                .post("/inspections/" + id + "/cases").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("fullName"));
        String one = "{\"caseRef\":\"NEW-050\",\"cohort\":\"COMMUNITY\",\"sentenceType\":\"COMMUNITY_ORDER\","
                + "\"youngAdult\":false,\"gender\":\"FEMALE\",\"ethnicity\":\"White\",\"roshLevel\":\"LOW\","
                + "\"startDate\":\"2022-02-01\"}";
        Api.lead("lena").contentType("application/json").body(one).post("/inspections/" + id + "/cases").then()
                .statusCode(201).body("registered", equalTo(1))
                .header("Location", containsString("/cases/NEW-050"));
        Api.lead("lena").contentType("application/json").body("[" + one + "]").post("/inspections/" + id + "/cases")
                .then().statusCode(422).body("errors[0].field", equalTo("[0].caseRef"))
                .body("errors[0].message", containsString("already registered"));
        Api.lead("lena").contentType("text/plain").body(one).post("/inspections/" + id + "/cases").then()
                .statusCode(415).contentType(PROBLEM);
        Api.lead("lena").contentType("application/json").body("{\"caseRef\":").post("/inspections/" + id + "/cases")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void answersJudgementsAndInspectionsAreValidated() {
        String id = Api.openInspection("lena", "Bad answers PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        String answers = "/inspections/" + id + "/cases/NEW-001/answers/";
        Api.lead("lena").contentType("application/json").body(Map.of("answer", "MAYBE")).put(answers + "7.7.7")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("questionId", "answer")));
        Api.lead("lena").contentType("application/json").body(Map.of("answer", "YES"))
                .put("/inspections/" + id + "/cases/NEW-999/answers/2.2.1").then().statusCode(404).contentType(PROBLEM);
        Api.lead("lena").contentType("application/json").body(Map.of("answer", "YES", "by", "x")).put(answers + "2.2.1")
                .then().statusCode(400);
        Api.lead("lena").get(answers + "2.2.1/history").then().statusCode(200).body("$", hasSize(0));

        String judgements = "/inspections/" + id + "/judgements/";
        Api.lead("lena").contentType("application/json").body(Map.of("rating", "GOOD", "rationale", "fine"))
                .put(judgements + "2.2").then().statusCode(422).body("errors[0].field", equalTo("standardId"));
        Api.lead("lena").contentType("application/json").body(Map.of("rating", "GOOD", "rationale", "  "))
                .put(judgements + "1.1").then().statusCode(422).body("errors.field", equalTo(List.of("rationale")));
        Api.lead("lena").contentType("application/json").body(Map.of("rating", "SUPERB", "rationale", "x"))
                .put(judgements + "1.1").then().statusCode(422).body("errors.field", equalTo(List.of("rating")));
        Api.lead("lena").contentType("application/json").body(Map.of("rating", "GOOD", "rationale", "x"))
                .put(judgements + "9.9").then().statusCode(422);
        Api.lead("lena").get("/inspections/" + id + "/judgements").then().statusCode(200).body("$", hasSize(0));

        Api.lead("lena").contentType("application/json").body(Map.of("name", "", "region", "London", "pdu", "X",
                "frameworkId", "nope", "fieldworkStart", "2022-01-01", "sampleFrom", "2022-03-01",
                "sampleTo", "01/02/2022")).post("/inspections").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("name", "sampleTo", "frameworkId")));
        Api.lead("lena").contentType("application/json").body(Map.of("name", "A", "region", "London", "pdu", "X",
                "frameworkId", "hmip-probation-pdu-2021", "fieldworkStart", "2022-01-01", "sampleFrom", "2022-03-01",
                "sampleTo", "2022-02-01")).post("/inspections").then().statusCode(422)
                .body("errors.field", equalTo(List.of("sampleTo", "fieldworkStart")));
    }

    @Test
    void pathIdsAreCheckedAndLargeBodiesRefused() throws Exception {
        Api.lead("lena").get("/inspections/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        Api.lead("lena").get("/inspections/1-1-1-1-1/cases").then().statusCode(404);
        Api.lead("lena").get("/inspections/" + java.util.UUID.randomUUID()).then().statusCode(404);
        String id = Api.openInspection("lena", "Large PDU", "London");
        StringBuilder big = new StringBuilder("case_ref,question_id,answer\n");
        while (big.length() < 5 * 1024 * 1024) {
            big.append("NEW-001,2.2.1,YES\n");
        }
        // Expect: 100-continue lets the server refuse the body before it is sent, as a well-behaved client would.
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/inspections/" + id + "/answers"))
                        .header("Authorization", "Bearer " + uk.probation.inspection.infra.test.TestTokens.token("lena",
                                "lead-inspector"))
                        .header("Content-Type", "text/csv").expectContinue(true)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(big.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        // Still serving afterwards
        Api.lead("lena").get("/inspections/" + id).then().statusCode(200);
    }
}
