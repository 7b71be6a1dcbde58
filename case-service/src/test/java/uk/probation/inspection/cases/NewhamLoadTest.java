package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;
import uk.probation.inspection.cases.support.CaseEventsReader.Event;
import uk.probation.inspection.cases.support.EventSchemas;

/**
 * The Newham golden data through the REST API: one event per committed change, in commit order, matching
 * what was stored, every payload valid against its published schema; re-sent data changes nothing.
 */
@QuarkusTest
class NewhamLoadTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> RATIONALES = Map.of(
            "1.1", "Leaders have a clear vision but have not yet addressed high workloads.",
            "1.2", "Staff feel supported by managers; training is well regarded.",
            "1.3", "Services are available but not always used for the people who need them.",
            "1.4", "Information systems and offices support the work well.");

    @Test
    void newhamLoadsWithExactlyOneEventPerChangeInOrder() throws Exception {
        JsonPath opened = Api.lead("lena").contentType("application/json")
                .body(Map.of("name", "Newham PDU", "region", "London", "pdu", "Newham",
                        "frameworkId", "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05",
                        "sampleFrom", "2022-01-24", "sampleTo", "2022-02-25"))
                .post("/inspections").then().statusCode(201)
                .header("Location", containsString("/inspections/")).extract().jsonPath();
        String id = opened.getString("id");

        String casesCsv = Api.golden("cases.csv");
        Api.lead("lena").contentType("text/csv").body(casesCsv).post("/inspections/" + id + "/cases")
                .then().statusCode(201).body("registered", equalTo(33));

        String answersCsv = Api.golden("answers.csv");
        Api.lead("lena").contentType("text/csv").body(answersCsv).post("/inspections/" + id + "/answers")
                .then().statusCode(200).body("recorded", equalTo(1287)).body("unchanged", equalTo(0));

        List<String[]> judgements = Api.golden("judgements.csv").lines().skip(1).map(l -> l.split(",")).toList();
        for (String[] j : judgements) {
            Api.lead("lena").contentType("application/json")
                    .body(Map.of("rating", j[1], "rationale", RATIONALES.get(j[0])))
                    .put("/inspections/" + id + "/judgements/" + j[0]).then().statusCode(200)
                    .body("version", equalTo(1));
        }

        // What was committed
        Api.lead("lena").get("/inspections/" + id + "/cases").then().statusCode(200).body("$", hasSize(33));
        List<String[]> cases = casesCsv.lines().skip(1).map(l -> l.split(",", -1)).toList();
        List<String[]> answers = answersCsv.lines().skip(1).map(l -> l.split(",", -1)).toList();
        long newham001 = answers.stream().filter(a -> a[0].equals("NEW-001")).count();
        Api.lead("lena").get("/inspections/" + id + "/cases/NEW-001").then().statusCode(200)
                .body("caseRef", equalTo("NEW-001")).body("cohort", equalTo("COMMUNITY"))
                .body("answers", hasSize((int) newham001));

        int expected = 2 + 33 + 1287 + 4;
        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            List<Event> events = reader.awaitAtLeast(expected, Duration.ofSeconds(90));
            assertEquals(expected, events.size(), "exactly one event per change");
            assertEquals(expected, new HashSet<>(events.stream().map(Event::id).toList()).size(), "unique ce_id");
            int partition = events.get(0).partition();
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                assertEquals(id, e.key());
                assertEquals(id, e.subject());
                assertEquals("/case-service", e.source());
                assertEquals("application/json", e.contentType());
                assertEquals(partition, e.partition(), "one partition per inspection");
                EventSchemas.assertValid(e.type(), e.data());
            }

            Event first = events.get(0);
            assertEquals("inspection.opened", first.type());
            JsonNode data = JSON.readTree(first.data());
            assertEquals("Newham PDU", data.get("name").asText());
            assertEquals("lena", data.get("openedBy").asText());
            JsonNode framework = JSON.readTree(Api.lead("lena").get("/frameworks/hmip-probation-pdu-2021").asString());
            assertEquals(framework, data.get("framework"), "the whole framework, as GET /frameworks/{id} serves it");

            assertEquals("team.member.added", events.get(1).type());
            assertEquals(JSON.readTree("{\"inspectionId\":\"" + id + "\",\"username\":\"lena\",\"role\":\"LEAD\","
                    + "\"subject\":\"lena\"}"),
                    JSON.readTree(events.get(1).data()));

            for (int i = 0; i < 33; i++) {
                Event e = events.get(2 + i);
                assertEquals("case.registered", e.type());
                String[] c = cases.get(i);
                JsonNode d = JSON.readTree(e.data());
                assertEquals(List.of(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]),
                        List.of(d.get("caseRef").asText(), d.get("cohort").asText(), d.get("sentenceType").asText(),
                                d.get("youngAdult").asText(), d.get("gender").asText(), d.get("ethnicity").asText(),
                                d.get("roshLevel").asText(), d.get("startDate").asText()));
            }
            for (int i = 0; i < 1287; i++) {
                Event e = events.get(35 + i);
                assertEquals("answer.recorded", e.type());
                String[] a = answers.get(i);
                JsonNode d = JSON.readTree(e.data());
                assertEquals(List.of(a[0], a[1], a[2], "1", "lena"), List.of(d.get("caseRef").asText(),
                        d.get("questionId").asText(), d.get("answer").asText(), d.get("version").asText(),
                        d.get("recordedBy").asText()), "answer line " + (i + 2));
                assertEquals(true, d.get("previousAnswer").isNull());
            }
            for (int i = 0; i < 4; i++) {
                Event e = events.get(1322 + i);
                assertEquals("judgement.recorded", e.type());
                JsonNode d = JSON.readTree(e.data());
                assertEquals(judgements.get(i)[0], d.get("standardId").asText());
                assertEquals(judgements.get(i)[1], d.get("rating").asText());
                assertEquals(RATIONALES.get(judgements.get(i)[0]), d.get("rationale").asText());
                assertEquals(true, d.get("previousRating").isNull());
            }

            // The same batch again changes nothing and emits nothing; so do the same cases and judgements.
            Api.lead("lena").contentType("text/csv").body(answersCsv).post("/inspections/" + id + "/answers")
                    .then().statusCode(200).body("recorded", equalTo(0)).body("unchanged", equalTo(1287));
            Api.lead("lena").contentType("application/json")
                    .body(Map.of("rating", judgements.get(0)[1], "rationale", RATIONALES.get("1.1")))
                    .put("/inspections/" + id + "/judgements/1.1").then().statusCode(200)
                    .body("version", equalTo(1)).body("changed", equalTo(false));

            // Then real changes. Events of one inspection arrive in order, so anything the no-ops had emitted
            // would arrive before these.
            Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                    .put("/inspections/" + id + "/team/ivan").then().statusCode(200);
            Api.inspector("ivan").contentType("application/json").body(Map.of("answer", "NO", "note", "re-read"))
                    .put("/inspections/" + id + "/cases/NEW-001/answers/2.2.1").then().statusCode(200)
                    .body("version", equalTo(2)).body("changed", equalTo(true));
            Api.inspector("ivan").contentType("application/json").body(Map.of("answer", "NO"))
                    .put("/inspections/" + id + "/cases/NEW-001/answers/2.2.1").then().statusCode(200)
                    .body("version", equalTo(2)).body("changed", equalTo(false));
            Api.lead("lena").delete("/inspections/" + id + "/team/ivan").then().statusCode(204);
            Api.lead("lena").post("/inspections/" + id + "/publish").then().statusCode(200)
                    .body("status", equalTo("PUBLISHED"));

            // ivan's first use binds his name to his token's sub (team.member.bound), before his answer
            List<Event> later = reader.awaitAtLeast(expected + 5, Duration.ofSeconds(60)).subList(expected,
                    expected + 5);
            assertEquals(List.of("team.member.added", "team.member.bound", "answer.recorded", "team.member.removed",
                    "inspection.published"), later.stream().map(Event::type).toList());
            List<JsonNode> laterData = new ArrayList<>();
            for (Event e : later) {
                EventSchemas.assertValid(e.type(), e.data());
                laterData.add(JSON.readTree(e.data()));
            }
            assertEquals("INSPECTOR", laterData.get(0).get("role").asText());
            assertEquals("ivan", laterData.get(1).get("subject").asText());
            assertEquals(JSON.readTree("{\"inspectionId\":\"" + id + "\",\"caseRef\":\"NEW-001\",\"questionId\":\"2.2.1\","
                    + "\"answer\":\"NO\",\"previousAnswer\":\"YES\",\"version\":2,\"recordedBy\":\"ivan\"}"),
                    laterData.get(2));
            assertEquals("ivan", laterData.get(3).get("username").asText());
            assertEquals("lena", laterData.get(4).get("publishedBy").asText());
            Thread.sleep(500);
            assertEquals(expected + 5, reader.events().size(), "nothing after the last change");
        }

        // History: who, when, from, to
        JsonPath history = Api.lead("lena").get("/inspections/" + id + "/cases/NEW-001/answers/2.2.1/history")
                .then().statusCode(200).body("$", hasSize(2)).extract().jsonPath();
        assertEquals(1, history.getInt("[0].version"));
        assertNull(history.get("[0].from"));
        assertEquals("YES", history.getString("[0].to"));
        assertEquals("lena", history.getString("[0].recordedBy"));
        assertEquals("YES", history.getString("[1].from"));
        assertEquals("NO", history.getString("[1].to"));
        assertEquals("ivan", history.getString("[1].recordedBy"));
        assertEquals("re-read", history.getString("[1].note"));
        assertEquals(true, history.getString("[1].recordedAt").compareTo(history.getString("[0].recordedAt")) >= 0);
        Api.lead("lena").get("/inspections/" + id + "/judgements").then().statusCode(200).body("$", hasSize(4))
                .body("find { it.standardId == '1.2' }.rating", equalTo("GOOD"));
    }
}
