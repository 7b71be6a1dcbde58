package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;
import uk.probation.inspection.cases.support.CaseEventsReader.Event;
import uk.probation.inspection.infra.test.TestTokens;

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
    void pathIdsAreChecked() {
        Api.lead("lena").get("/inspections/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        Api.lead("lena").get("/inspections/1-1-1-1-1/cases").then().statusCode(404);
        Api.lead("lena").get("/inspections/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    /**
     * Bodies over quarkus.http.limits.max-body-size (4M here) are refused by the HTTP layer before JAX-RS: still a
     * 413 problem naming the limit, whether the length is declared or the body is chunked, and nothing is stored.
     */
    @Test
    void largeBodiesGetAProblemNamingTheLimit() throws Exception {
        String id = Api.openInspection("lena", "Large PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        StringBuilder big = new StringBuilder("case_ref,question_id,answer\n");
        while (big.length() < 5 * 1024 * 1024) {
            big.append("NEW-001,2.2.1,YES\n");
        }
        byte[] csv = big.toString().getBytes(StandardCharsets.UTF_8);
        String limit = "limit of 4 MB (4194304 bytes)";

        HttpResponse<String> declared = send(post(id + "/answers", "text/csv", HttpRequest.BodyPublishers.ofByteArray(csv)));
        assertTooLarge(declared, limit, "Content-Length is " + csv.length);
        // ofInputStream has no length: the client sends the body chunked.
        HttpResponse<String> chunked = send(post(id + "/answers", "text/csv",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv))));
        assertTooLarge(chunked, limit);
        // Expect: 100-continue on a raw socket (Java's HttpClient never completes that exchange when the final
        // answer has a body): the refusal comes before any of the body is sent.
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /inspections/" + id + "/answers HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.token("lena", "lead-inspector") + "\r\n"
                    + "Content-Type: text/csv\r\nContent-Length: " + csv.length + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains(limit), answer);
        }

        Api.lead("lena").get("/inspections/" + id + "/cases/NEW-001").then().statusCode(200).body("answers", hasSize(0));
        // A chunked body within the limit still reaches the resource whole.
        HttpResponse<String> small = send(HttpRequest.newBuilder(uri(id + "/cases/NEW-001/answers/2.2.1"))
                .header("Authorization", "Bearer " + TestTokens.token("lena", "lead-inspector"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        "{\"answer\":\"NO\",\"note\":\"sent chunked\"}".getBytes(StandardCharsets.UTF_8)))).build());
        assertEquals(200, small.statusCode(), small.body());
        Api.lead("lena").get("/inspections/" + id + "/cases/NEW-001").then().statusCode(200)
                .body("answers", hasSize(1)).body("answers[0].answer", equalTo("NO"))
                .body("answers[0].note", equalTo("sent chunked"));
    }

    /** A value of the wrong JSON type is a 400 naming the field, never converted and stored. */
    @Test
    void wrongJsonTypesAreRefusedNamingTheField() {
        String id = Api.openInspection("lena", "Types PDU", "London");
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        String answer = "/inspections/" + id + "/cases/NEW-001/answers/2.2.1";
        Api.lead("lena").contentType("application/json").body("{\"answer\":\"YES\",\"note\":5}").put(answer).then()
                .statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("detail", equalTo("Invalid value '5' for note; expected a string"));
        Api.lead("lena").contentType("application/json").body("{\"answer\":true}").put(answer).then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("answer"));
        Api.lead("lena").contentType("application/json").body("{\"answer\":\"YES\",\"note\":[\"n\"]}").put(answer).then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("note"));
        Api.lead("lena").contentType("application/json")
                .body("[{\"caseRef\":\"NEW-001\",\"questionId\":\"2.2.1\",\"answer\":1}]")
                .post("/inspections/" + id + "/answers").then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("Invalid value '1' for [0].answer; expected a string"));
        Api.lead("lena").contentType("application/json").body("{\"caseRef\":7,\"cohort\":\"COMMUNITY\"}")
                .post("/inspections/" + id + "/cases").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("caseRef"));
        Api.lead("lena").contentType("application/json").body("{\"rating\":2,\"rationale\":\"x\"}")
                .put("/inspections/" + id + "/judgements/1.1").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("rating"));
        Api.lead("lena").contentType("application/json").body(Map.of("name", 12, "region", "London", "pdu", "X",
                "frameworkId", "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24",
                "sampleTo", "2022-02-25")).post("/inspections").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("name"));
        Api.admin().contentType("application/json").body("{\"id\":\"typed\",\"version\":\"1\"}").post("/frameworks")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("Invalid value for version; expected a whole number"));

        Api.lead("lena").get("/inspections/" + id + "/cases/NEW-001").then().statusCode(200).body("answers", hasSize(0));
        Api.lead("lena").get("/inspections/" + id + "/cases").then().statusCode(200).body("$", hasSize(1));
        Api.lead("lena").get("/inspections/" + id + "/judgements").then().statusCode(200).body("$", hasSize(0));
        Api.admin().get("/frameworks/typed").then().statusCode(404);
    }

    /**
     * A leading UTF-8 byte-order mark is ignored (RFC 8259 section 8.1), by every JSON endpoint alike, and is
     * never stored: the values read back are the ones sent.
     */
    @Test
    void aLeadingBomIsIgnoredAndNeverStored() {
        String id = Api.openInspection("lena", "BOM PDU", "London");
        String bom = "\uFEFF";
        String one = "{\"caseRef\":\"NEW-060\",\"cohort\":\"COMMUNITY\",\"sentenceType\":\"COMMUNITY_ORDER\","
                + "\"youngAdult\":false,\"gender\":\"FEMALE\",\"ethnicity\":\"White\",\"roshLevel\":\"LOW\","
                + "\"startDate\":\"2022-02-01\"}";
        Api.lead("lena").contentType("application/json").body(utf8(bom + one)).post("/inspections/" + id + "/cases")
                .then().statusCode(201).body("caseRefs", equalTo(List.of("NEW-060")));
        Api.lead("lena").contentType("application/json").body(utf8(bom + "[" + one.replace("060", "061") + "]"))
                .post("/inspections/" + id + "/cases").then().statusCode(201).body("caseRefs", equalTo(List.of("NEW-061")));
        Api.lead("lena").contentType("application/json").body(utf8(bom + "{\"answer\":\"YES\",\"note\":\"kept\"}"))
                .put("/inspections/" + id + "/cases/NEW-060/answers/2.2.1").then().statusCode(200);
        Api.lead("lena").contentType("application/json")
                .body(utf8(bom + "[{\"caseRef\":\"NEW-061\",\"questionId\":\"2.2.1\",\"answer\":\"NO\"}]"))
                .post("/inspections/" + id + "/answers").then().statusCode(200).body("recorded", equalTo(1));

        Api.lead("lena").get("/inspections/" + id + "/cases").then().statusCode(200)
                .body("caseRef", equalTo(List.of("NEW-060", "NEW-061")));
        Api.lead("lena").get("/inspections/" + id + "/cases/NEW-060").then().statusCode(200)
                .body("caseRef", equalTo("NEW-060")).body("cohort", equalTo("COMMUNITY"))
                .body("answers[0].answer", equalTo("YES")).body("answers[0].note", equalTo("kept"));
        Api.lead("lena").get("/inspections/" + id + "/cases/NEW-061").then().statusCode(200)
                .body("answers[0].answer", equalTo("NO"));
        // Two are not a BOM and JSON: malformed.
        Api.lead("lena").contentType("application/json").body(utf8(bom + bom + "{\"answer\":\"NO\"}"))
                .put("/inspections/" + id + "/cases/NEW-060/answers/2.2.1").then().statusCode(400).contentType(PROBLEM);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static URI uri(String inspectionPath) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/inspections/" + inspectionPath);
    }

    private static HttpRequest post(String inspectionPath, String contentType, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri(inspectionPath)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestTokens.token("lena", "lead-inspector"))
                .header("Content-Type", contentType).POST(body).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> response, String... detail) throws Exception {
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertEquals(413, problem.path("status").asInt());
        assertEquals("Payload too large", problem.path("title").asText());
        for (String part : detail) {
            assertTrue(problem.path("detail").asText().contains(part), problem.path("detail").asText());
        }
    }
}
