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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;
import uk.probation.inspection.cases.support.CaseEventsReader.Event;
import uk.probation.inspection.cases.support.EventSchemas;

/**
 * The report's text through the API (issue 17): narratives by the team, recommendations and background by the lead,
 * versioned, carried on case-events in their schemas, bad input named field by field, frozen with the publication.
 */
@QuarkusTest
class NarrativeApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, Object> NARRATIVE = Map.of(
            "strengths", List.of("Practitioners engaged people on probation well."),
            "areasForImprovement", List.of("Safeguarding enquiries were not always made.", "Risk was not analysed."),
            "cohortSections", List.of(Map.of("title", "Resettlement", "paragraphs", List.of("Weaker after custody."))),
            "promptFacts", List.of(Map.of("questionId", "2.2.3b",
                    "template", "drew on available information in only {yes} of the {relevant} inspected cases")));

    @Test
    void theTeamWritesNarrativesTheLeadRecommendationsAndBackgroundAllVersionedAndCarriedOnCaseEvents() throws Exception {
        String id = Api.openInspection("lena", "Narrative PDU", "London");
        String base = "/inspections/" + id;
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 3));
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR")).put(base + "/team/ivan")
                .then().statusCode(200);
        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            Api.inspector("ivan").contentType("application/json").body(NARRATIVE)
                    .put(base + "/standards/2.2/narrative").then().statusCode(200)
                    .body("version", equalTo(1)).body("changed", equalTo(true)).body("recordedBy", equalTo("ivan"))
                    .body("cohortSections[0].title", equalTo("Resettlement"))
                    .body("promptFacts[0].questionId", equalTo("2.2.3b"));
            Api.inspector("ivan").contentType("application/json").body(NARRATIVE)
                    .put(base + "/standards/2.2/narrative").then().statusCode(200)
                    .body("version", equalTo(1)).body("changed", equalTo(false));
            Api.lead("lena").contentType("application/json")
                    .body(Map.of("strengths", List.of("Leaders are visible."))).put(base + "/standards/1.1/narrative")
                    .then().statusCode(200).body("version", equalTo(1));
            Api.lead("lena").contentType("application/json")
                    .body(Map.of("strengths", List.of("Leaders are visible and trusted."))).put(base + "/standards/1.1/narrative")
                    .then().statusCode(200).body("version", equalTo(2));

            Map<String, Object> recommendations = Map.of("recommendations", List.of(
                    Map.of("addressee", "Newham PDU", "text", "Improve work to keep people safe."),
                    Map.of("addressee", "HMPPS", "text", "Fill vacancies.")));
            Api.inspector("ivan").contentType("application/json").body(recommendations).put(base + "/recommendations")
                    .then().statusCode(403);
            Api.lead("lena").contentType("application/json").body(recommendations).put(base + "/recommendations")
                    .then().statusCode(200).body("recommendations.number", equalTo(List.of(1, 2)))
                    .body("recommendations[1].addressee", equalTo("HMPPS")).body("version", equalTo(1));
            Api.inspector("ivan").get(base + "/recommendations").then().statusCode(200)
                    .body("recommendations", hasSize(2));

            Map<String, Object> background = Map.of("interviewsHeld", 44, "meetingsHeld", 12,
                    "paragraphs", List.of("Newham is one of 18 PDUs in London."));
            Api.inspector("ivan").contentType("application/json").body(background).put(base + "/background")
                    .then().statusCode(403);
            Api.lead("lena").contentType("application/json").body(background).put(base + "/background").then()
                    .statusCode(200).body("casesInspected", equalTo(3)).body("fieldworkStart", equalTo("2022-09-05"))
                    .body("sampleFrom", equalTo("2022-01-24")).body("interviewsHeld", equalTo(44));

            Api.inspector("ivan").get(base + "/narratives").then().statusCode(200)
                    .body("standardId", hasItems("1.1", "2.2", "2.6"))
                    .body("find { it.standardId == '2.2' }.areasForImprovement", hasSize(2))
                    .body("find { it.standardId == '2.3' }.version", equalTo(0));
            Api.inspector("ivan").get(base + "/standards/1.1/narrative/history").then().statusCode(200)
                    .body("version", equalTo(List.of(1, 2)))
                    .body("body[0].strengths[0]", equalTo("Leaders are visible."));
            Api.as("vera", "viewer", "London").get(base + "/narratives").then().statusCode(403);

            List<Event> events = reader.awaitAtLeast(1 + 2 + 3 + 4, Duration.ofSeconds(30));
            List<Event> text = events.stream().filter(e -> e.type().endsWith(".recorded")
                    && !e.type().equals("answer.recorded") && !e.type().equals("judgement.recorded")).toList();
            assertEquals(List.of("narrative.recorded", "narrative.recorded", "narrative.recorded",
                    "recommendations.recorded", "background.recorded"), text.stream().map(Event::type).toList(),
                    "the unchanged narrative emitted nothing");
            for (Event e : text) {
                EventSchemas.assertValid(e.type(), e.data());
            }
            JsonNode first = JSON.readTree(text.get(0).data());
            assertEquals("2.2", first.get("standardId").asText());
            assertEquals("drew on available information in only {yes} of the {relevant} inspected cases",
                    first.at("/promptFacts/0/template").asText(), "the template travels unfilled");
            assertEquals(2, JSON.readTree(text.get(2).data()).get("version").asInt());
        }
    }

    @Test
    void badInputIsNamedFieldByFieldAndWritesNothing() {
        String id = Api.openInspection("lena", "Bad narrative PDU", "London");
        String base = "/inspections/" + id;
        Api.lead("lena").contentType("application/json").body(Map.of(
                "strengths", List.of(""), "cohortSections", List.of(Map.of("title", "R")),
                "promptFacts", List.of(Map.of("questionId", "2.3.1", "template", "{total}"))))
                .put(base + "/standards/2.2/narrative").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("strengths[0]", "cohortSections[0].paragraphs",
                        "promptFacts[0].questionId", "promptFacts[0].template")));
        Api.lead("lena").contentType("application/json").body(Map.of("strengths", List.of("x")))
                .put(base + "/standards/7.7/narrative").then().statusCode(422).body("errors.field", equalTo(List.of("standardId")));
        Api.lead("lena").contentType("application/json").body("{\"strengths\":[\"x\"],\"colour\":\"red\"}")
                .put(base + "/standards/2.2/narrative").then().statusCode(400).contentType("application/problem+json");
        Api.lead("lena").contentType("application/json").body("{\"strengths\":\"not a list\"}")
                .put(base + "/standards/2.2/narrative").then().statusCode(400).contentType("application/problem+json");
        Api.lead("lena").contentType("application/json").body(Map.of("strengths", List.of("x".repeat(6000))))
                .put(base + "/standards/2.2/narrative").then().statusCode(422)
                .body("errors[0].message", containsString("at most 5000"));
        Api.lead("lena").contentType("application/json").body(Map.of("recommendations",
                java.util.Collections.nCopies(51, Map.of("addressee", "PDU", "text", "t"))))
                .put(base + "/recommendations").then().statusCode(422).body("errors.field", equalTo(List.of("recommendations")));
        Api.lead("lena").contentType("application/json").body(Map.of("interviewsHeld", -3, "paragraphs", List.of(" ")))
                .put(base + "/background").then().statusCode(422)
                .body("errors.field", equalTo(List.of("interviewsHeld", "paragraphs[0]")));
        Api.lead("lena").contentType("application/json").body("{\"interviewsHeld\":\"many\"}")
                .put(base + "/background").then().statusCode(400);
        Api.lead("lena").get(base + "/standards/2.2/narrative").then().statusCode(200).body("version", equalTo(0));
        Api.lead("lena").get(base + "/recommendations").then().statusCode(200).body("version", equalTo(0));
        Api.lead("lena").get(base + "/background").then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void publishedTextIsFrozenUntilReopened() {
        String id = Api.openInspection("lena", "Frozen narrative PDU", "London");
        String base = "/inspections/" + id;
        Api.registerCases("lena", id, Api.goldenHead("cases.csv", 1));
        Api.makeReady("lena", id);
        Api.lead("lena").post(base + "/publish").then().statusCode(200);
        Api.lead("lena").contentType("application/json").body(NARRATIVE).put(base + "/standards/2.2/narrative")
                .then().statusCode(409).contentType("application/problem+json");
        Api.lead("lena").contentType("application/json").body(Map.of("recommendations", List.of()))
                .put(base + "/recommendations").then().statusCode(409);
        Api.lead("lena").contentType("application/json").body(Map.of("paragraphs", List.of("x")))
                .put(base + "/background").then().statusCode(409);
        Api.lead("lena").get(base + "/standards/2.2/narrative").then().statusCode(200).body("version", equalTo(0));
        Api.lead("lena").contentType("application/json").body(Map.of("reason", "add the text")).post(base + "/reopen")
                .then().statusCode(200);
        Api.lead("lena").contentType("application/json").body(NARRATIVE).put(base + "/standards/2.2/narrative")
                .then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void ifMatchRefusesAWriteBasedOnAnOlderVersionAndWritesNothing() {
        String id = Api.openInspection("lena", "If-Match narrative PDU", "London");
        String base = "/inspections/" + id;
        Api.lead("lena").contentType("application/json").header("If-Match", "0")
                .body(Map.of("recommendations", List.of(Map.of("addressee", "The PDU", "text", "First."))))
                .put(base + "/recommendations").then().statusCode(200).body("version", equalTo(1));
        // written at version 0 again: someone else's version 1 is not overwritten
        Api.lead("lena").contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("recommendations", List.of(Map.of("addressee", "HMPPS", "text", "Mine."))))
                .put(base + "/recommendations").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is at version 1 (by lena), not 0"));
        Api.lead("lena").contentType("application/json").header("If-Match", "1")
                .body(Map.of("strengths", List.of("x"))).put(base + "/standards/2.2/narrative").then().statusCode(409);
        Api.lead("lena").contentType("application/json").header("If-Match", "soon")
                .body(Map.of("paragraphs", List.of("x"))).put(base + "/background").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        Api.lead("lena").get(base + "/recommendations").then().body("version", equalTo(1))
                .body("recommendations[0].text", equalTo("First."));
        Api.lead("lena").get(base + "/standards/2.2/narrative").then().body("version", equalTo(0));
        Api.lead("lena").get(base + "/background").then().body("version", equalTo(0));
        // the same text again is no conflict: nothing would be overwritten
        Api.lead("lena").contentType("application/json").header("If-Match", "0")
                .body(Map.of("recommendations", List.of(Map.of("addressee", "The PDU", "text", "First."))))
                .put(base + "/recommendations").then().statusCode(200).body("changed", equalTo(false));
    }
}
