package uk.probation.inspection.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.cases.support.Api;
import uk.probation.inspection.cases.support.CaseEventsReader;

/**
 * Drawing the sample through the API: the worked example of docs/sampling.md proposed, read back and accepted
 * (its twelve cases registered at once, one case.registered each, on the real broker); bad requests name every bad
 * field and change nothing; only the inspection's lead may draw and accept.
 */
@QuarkusTest
class SamplingApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode example() throws Exception {
        return JSON.readTree(Files.readString(Path.of("../docs/sampling-example.json")));
    }

    @Test
    void theWorkedExampleIsProposedAndAcceptedInOneStep() throws Exception {
        String id = Api.openInspection("lena", "Sampled PDU", "London");
        String base = "/inspections/" + id + "/sampling";
        JsonNode example = example();
        JsonNode expected = example.path("expected");
        String proposal = Api.lead("lena").contentType("application/json").body(example.path("request").toString())
                .post(base).then().statusCode(200)
                .body("sample", contains(strings(expected.path("sample"))))
                .body("reserve", contains(strings(expected.path("reserve"))))
                .body("strata.id", contains("male-community-low", "male-community-not-low", "male-post-custody-low",
                        "male-post-custody-not-low", "female"))
                .body("strata.longList", contains(10, 6, 3, 2, 3))
                .body("strata.sample", contains(5, 3, 1, 1, 2))
                .body("officers.A", equalTo(6))
                .body("excluded.caseRef", contains("WX-25", "WX-26", "WX-27", "WX-03"))
                .body("overCap", hasSize(0))
                .extract().path("proposalId");
        // the same seed again: the same sample, a new proposal
        Api.lead("lena").contentType("application/json").body(example.path("request").toString()).post(base)
                .then().statusCode(200).body("sample", contains(strings(expected.path("sample"))));
        Api.inspector("ivan").get(base + "/" + proposal).then().statusCode(404); // not on the team
        Api.lead("lena").get(base + "/" + proposal).then().statusCode(200).body("seed", equalTo(7));
        Api.lead("lena").get("/inspections/" + id + "/cases").then().body("$", hasSize(0)); // a proposal registers nothing

        try (CaseEventsReader reader = new CaseEventsReader(id)) {
            Api.lead("lena").post(base + "/" + proposal + "/accept").then().statusCode(200)
                    .body("registered", equalTo(12)).body("caseRefs", contains(strings(expected.path("sample"))));
            List<CaseEventsReader.Event> events = reader.awaitAtLeast(2 + 12, Duration.ofSeconds(30));
            List<String> registered = events.stream().filter(e -> e.type().equals("case.registered"))
                    .map(e -> read(e.data()).path("caseRef").asText()).toList();
            assertEquals(List.of(strings(expected.path("sample"))), registered);
            JsonNode first = read(events.stream().filter(e -> e.type().equals("case.registered")).findFirst()
                    .orElseThrow().data());
            assertEquals("COMMUNITY", first.path("cohort").asText());
            assertEquals("LOW", first.path("roshLevel").asText());
        }
        Api.lead("lena").get("/inspections/" + id + "/cases").then().body("$", hasSize(12))
                .body("caseRef", hasItems("WX-10", "WX-23"));
        Api.lead("lena").post(base + "/" + proposal + "/accept").then().statusCode(409);
    }

    @Test
    void anAcceptanceThatCannotRegisterEveryCaseRegistersNone() throws Exception {
        String id = Api.openInspection("lena", "Half-sampled PDU", "London");
        String base = "/inspections/" + id + "/sampling";
        ObjectNode request = (ObjectNode) example().path("request").deepCopy();
        ((ObjectNode) request.path("cases").get(9)).remove("ethnicity"); // WX-10, in the sample
        String proposal = Api.lead("lena").contentType("application/json").body(request.toString()).post(base)
                .then().statusCode(200).extract().path("proposalId");
        // WX-07 registered by hand meanwhile
        Api.lead("lena").contentType("application/json").body(Map.of("caseRef", "WX-07", "cohort", "COMMUNITY",
                "sentenceType", "COMMUNITY_ORDER", "youngAdult", false, "gender", "MALE", "ethnicity", "White",
                "roshLevel", "LOW", "startDate", "2022-02-01")).post("/inspections/" + id + "/cases").then()
                .statusCode(201);
        Api.lead("lena").post(base + "/" + proposal + "/accept").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("[9].ethnicity", "[6].caseRef"));
        Api.lead("lena").get("/inspections/" + id + "/cases").then().body("$", hasSize(1));
    }

    @Test
    void badRequestsNameEveryBadFieldAndOnlyTheLeadDraws() throws Exception {
        String id = Api.openInspection("lena", "Badly sampled PDU", "London");
        String base = "/inspections/" + id + "/sampling";
        ObjectNode request = (ObjectNode) example().path("request").deepCopy();
        request.put("size", 0).put("buffer", 2).remove("seed");
        ArrayNode cases = (ArrayNode) request.path("cases");
        ((ObjectNode) cases.get(0)).put("caseRef", "John Smith").put("startDate", "1/2/2022");
        ((ObjectNode) cases.get(1)).remove("officer");
        ((ObjectNode) cases.get(2)).put("unit", "x".repeat(101));
        Api.lead("lena").contentType("application/json").body(request.toString()).post(base).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("size", "buffer", "seed", "cases[0].caseRef", "cases[0].startDate",
                        "cases[1].officer", "cases[2].unit"));
        ObjectNode tooMany = (ObjectNode) example().path("request").deepCopy();
        tooMany.put("size", 25);
        Api.lead("lena").contentType("application/json").body(tooMany.toString()).post(base).then().statusCode(422)
                .body("errors[0].field", equalTo("size"));
        Api.lead("lena").contentType("application/json").body("{\"size\":1,\"seed\":1,\"cases\":[],\"extra\":1}")
                .post(base).then().statusCode(400);
        Api.lead("lena").contentType("application/json").body("[1,").post(base).then().statusCode(400);
        Api.lead("lena").post(base + "/00000000-0000-4000-8000-000000000009/accept").then().statusCode(404);
        Api.lead("lena").post(base + "/not-a-uuid/accept").then().statusCode(404);
        // an inspector on the team may not draw; a lead of another inspection does not see this one
        Api.lead("lena").contentType("application/json").body(Map.of("role", "INSPECTOR"))
                .put("/inspections/" + id + "/team/ivan").then().statusCode(200);
        Api.inspector("ivan").contentType("application/json").body(example().path("request").toString()).post(base)
                .then().statusCode(403);
        Api.lead("otto").contentType("application/json").body(example().path("request").toString()).post(base)
                .then().statusCode(404);
    }

    /**
     * The worked example's long list as CSV (columns named as the JSON fields, in another order): the same proposal as from JSON, accepted the same way; bad rows are named by
     * line and column; a header with an unknown or without a required column, bad parameters and an over-long list
     * are refused.
     */
    @Test
    void aCsvLongListDrawsTheSameSampleAsJson() throws Exception {
        String id = Api.openInspection("lena", "CSV sampled PDU", "London");
        String base = "/inspections/" + id + "/sampling";
        JsonNode example = example();
        JsonNode expected = example.path("expected");
        String csv = csv(example.path("request").path("cases"), List.of("unit", "caseRef", "officer", "gender", "cohort",
                "roshLevel", "startDate", "exclude", "sentenceType", "youngAdult", "ethnicity"));
        String proposal = Api.lead("lena").contentType("text/csv").queryParam("size", 12).queryParam("buffer", "0.25")
                .queryParam("seed", 7).body(csv).post(base).then().statusCode(200)
                .body("sample", contains(strings(expected.path("sample"))))
                .body("reserve", contains(strings(expected.path("reserve"))))
                .body("excluded.caseRef", contains("WX-25", "WX-26", "WX-27", "WX-03"))
                .body("excluded.reason", hasItems("sensitive: under serious further offence review"))
                .extract().path("proposalId");
        Api.lead("lena").post(base + "/" + proposal + "/accept").then().statusCode(200).body("registered", equalTo(12));
        JsonNode registered = JSON.readTree(Api.lead("lena").get("/inspections/" + id + "/cases/WX-10").then()
                .statusCode(200).extract().asString());
        assertEquals("COMMUNITY", registered.path("cohort").asText(), registered.toString());

        // bad rows: each named by its line (the header is line 1) and column; nothing is drawn
        String bad = "caseRef,officer,unit,startDate\nWX-01,A,North,2022-02-01\nJohn Smith,A,North,2022-02-01\n"
                + "WX-03,,North,1/2/2022\n";
        Api.lead("lena").contentType("text/csv").queryParam("size", 1).queryParam("seed", 1).body(bad).post(base)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.line", contains(3, 4, 4)).body("errors.field", contains("caseRef", "officer", "startDate"));
        // parameters are checked as in JSON
        Api.lead("lena").contentType("text/csv").queryParam("size", "twelve").queryParam("buffer", "x").body(csv)
                .post(base).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("size", "buffer", "seed"));
        // the header: an unknown column, a required one missing
        Api.lead("lena").contentType("text/csv").queryParam("size", 1).queryParam("seed", 1)
                .body("caseRef,unit,name\nWX-01,North,John\n").post(base).then().statusCode(422)
                .contentType("application/problem+json").body("errors.line", contains(1, 1))
                .body("errors.field", contains("name", "officer"));
        Api.lead("lena").contentType("text/csv").queryParam("size", 1).queryParam("seed", 1)
                .body("caseRef,officer,unit\n\"WX-01,A,North\n").post(base).then().statusCode(400)
                .contentType("application/problem+json");
        StringBuilder tooLong = new StringBuilder("caseRef,officer,unit\n");
        for (int i = 0; i <= 5_000; i++) {
            tooLong.append("LL-").append(i).append(",A,North\n");
        }
        Api.lead("lena").contentType("text/csv").queryParam("size", 1).queryParam("seed", 1).body(tooLong.toString())
                .post(base).then().statusCode(413).contentType("application/problem+json");
        Api.inspector("ivan").contentType("text/csv").queryParam("size", 12).queryParam("seed", 7).body(csv).post(base)
                .then().statusCode(403);
    }

    /** JSON long-list cases as CSV with these columns (absent fields empty). */
    static String csv(JsonNode cases, List<String> columns) {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (JsonNode c : cases) {
            List<String> cells = new java.util.ArrayList<>();
            for (String column : columns) {
                String value = c.has(column) ? c.path(column).asText() : "";
                cells.add(value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    static String[] strings(JsonNode array) {
        return JSON.convertValue(array, String[].class);
    }

    static JsonNode read(String data) {
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
