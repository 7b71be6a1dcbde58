package uk.probation.inspection.feedback.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.feedback.CaseEvents;
import uk.probation.inspection.feedback.FeedbackEvents;
import uk.probation.inspection.feedback.Surveys;
import uk.probation.inspection.platform.csv.CsvTable;

/** Ingest against the real broker and PostgreSQL: golden figures, re-sends, the event, and every bad input. */
@QuarkusTest
class SurveyIngestTest {

    private static final String LEAD = "lena";

    @Test
    void goldenFileGivesExpectedFeedbackAndResendsConverge() throws Exception {
        String id = CaseEvents.open("london", LEAD);
        String token = Surveys.lead(LEAD);
        String ingest = Surveys.ingest();
        String csv = Surveys.goldenCsv();

        Surveys.postCsv(id, ingest, csv).then().statusCode(200)
                .body("accepted", equalTo(96)).body("replaced", equalTo(0));
        JsonNode first = Surveys.feedback(id, token);
        assertContains(Surveys.expectedFeedback(), first, "");

        // The same file twice changes nothing.
        Surveys.postCsv(id, ingest, csv).then().statusCode(200)
                .body("accepted", equalTo(96)).body("replaced", equalTo(96));
        assertEquals(first, Surveys.feedback(id, token));

        // One corrected respondent: UV-003 was happy (YES), now NO.
        CsvTable table = CsvTable.parse(csv);
        CsvTable.Row uv003 = table.rows().stream().filter(r -> r.get("respondent_id").equals("UV-003")).findFirst()
                .orElseThrow();
        assertEquals("YES", uv003.get("happy_with_support"));
        String corrected = String.join(",", table.header()) + "\n" + table.header().stream()
                .map(c -> c.equals("happy_with_support") ? "NO" : CsvTable.cell(uv003.get(c)))
                .reduce((a, b) -> a + "," + b).orElseThrow() + "\n";
        Surveys.postCsv(id, ingest, corrected).then().statusCode(200)
                .body("accepted", equalTo(1)).body("replaced", equalTo(1));
        JsonNode after = Surveys.feedback(id, token);
        assertEquals(96, after.get("respondents").asInt());
        assertEquals(61, after.at("/questions/happy_with_support/yes").asInt());
        assertEquals(93, after.at("/questions/happy_with_support/answered").asInt());
        assertEquals(first.at("/options"), after.at("/options"));

        // Three survey.responses.ingested events, counts only.
        List<ConsumerRecord<String, String>> events = FeedbackEvents.of(id, 3);
        List<String> counts = new ArrayList<>();
        for (ConsumerRecord<String, String> event : events) {
            assertEquals("survey.responses.ingested", header(event, "ce_type"));
            assertEquals("/feedback-service", header(event, "ce_source"));
            assertEquals(id, header(event, "ce_subject"));
            JsonNode data = Surveys.JSON.readTree(event.value());
            Set<String> fields = new java.util.TreeSet<>();
            data.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("inspectionId", "templateId", "accepted", "replaced", "respondents"), fields);
            assertFalse(event.value().contains("listens") || event.value().contains("reception"),
                    "no comment text in events: " + event.value());
            counts.add(data.get("accepted") + "/" + data.get("replaced") + "/" + data.get("respondents"));
        }
        assertEquals(List.of("96/0/96", "96/96/96", "1/1/96"), counts);

        // And after each, the live figures the report prints (feedback.summarised): figures only, never a comment.
        List<ConsumerRecord<String, String>> summaries = FeedbackEvents.of(id, "feedback.summarised", 3);
        JsonNode last = Surveys.JSON.readTree(summaries.get(2).value());
        assertTrue(last.get("publicationVersion").isNull(), "live figures");
        assertEquals(96, last.get("respondents").asInt());
        JsonNode happy = null;
        for (JsonNode q : last.get("questions")) {
            happy = q.get("id").asText().equals("happy_with_support") ? q : happy;
        }
        assertEquals(List.of(61, 93), List.of(happy.get("yes").asInt(), happy.get("answered").asInt()));
        // With the template's wording for the report; an option the template gives none has no phrase at all.
        assertEquals("were happy with the overall support they received", happy.get("reportPhrase").asText());
        Map<String, JsonNode> options = new java.util.HashMap<>();
        last.get("options").forEach(o -> options.put(o.get("questionId").asText() + "." + o.get("option").asText(), o));
        assertEquals("{n} of {m} raised appointments as an issue",
                options.get("issues.APPOINTMENTS").get("reportPhrase").asText());
        assertFalse(options.get("issues.INDUCTION").has("reportPhrase"), options.get("issues.INDUCTION").toString());
        for (ConsumerRecord<String, String> summary : summaries) {
            assertFalse(summary.value().contains("listens") || summary.value().contains("reception"), summary.value());
        }
    }

    @Test
    void jsonArrayWithArraysOrSemicolonStringsGivesTheSameFigures() throws Exception {
        String id = CaseEvents.open("london", LEAD);
        ArrayNode array = Surveys.JSON.createArrayNode();
        int i = 0;
        for (CsvTable.Row row : CsvTable.parse(Surveys.goldenCsv()).rows()) {
            ObjectNode object = array.addObject();
            for (Map.Entry<String, String> cell : row.cells().entrySet()) {
                boolean multi = cell.getKey().equals("positives") || cell.getKey().equals("issues");
                if (cell.getValue().isEmpty()) {
                    object.putNull(cell.getKey());
                } else if (multi && i % 2 == 0) {
                    ArrayNode options = object.putArray(cell.getKey());
                    for (String option : cell.getValue().split(";")) {
                        options.add(option);
                    }
                } else {
                    object.put(cell.getKey(), cell.getValue());
                }
            }
            i++;
        }
        Surveys.post(id, Surveys.ingest(), "application/json", Surveys.JSON.writeValueAsBytes(array)).then()
                .statusCode(200).body("accepted", equalTo(96)).body("replaced", equalTo(0));
        assertContains(Surveys.expectedFeedback(), Surveys.feedback(id, Surveys.lead(LEAD)), "");
    }

    /** A leading UTF-8 BOM before the JSON is ignored (RFC 8259 section 8.1), as in CSV: same figures, nothing extra. */
    @Test
    void jsonWithALeadingBomGivesTheSameFigures() throws Exception {
        String id = CaseEvents.open("london", LEAD);
        ArrayNode array = Surveys.JSON.createArrayNode();
        for (CsvTable.Row row : CsvTable.parse(Surveys.goldenCsv()).rows()) {
            ObjectNode object = array.addObject();
            row.cells().forEach((column, value) -> {
                if (value.isEmpty()) {
                    object.putNull(column);
                } else {
                    object.put(column, value);
                }
            });
        }
        byte[] json = Surveys.JSON.writeValueAsBytes(array);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Surveys.post(id, Surveys.ingest(), "application/json", withBom).then()
                .statusCode(200).body("accepted", equalTo(96)).body("replaced", equalTo(0));
        assertContains(Surveys.expectedFeedback(), Surveys.feedback(id, Surveys.lead(LEAD)), "");
    }

    @Test
    void badInputsAreRejectedWholeAndLeaveTheDataAsItWas() throws Exception {
        String id = CaseEvents.open("london", LEAD);
        String token = Surveys.lead(LEAD);
        String ingest = Surveys.ingest();
        String csv = Surveys.goldenCsv();
        String header = csv.substring(0, csv.indexOf('\n'));
        Surveys.postCsv(id, ingest, csv).then().statusCode(200);
        JsonNode before = Surveys.feedback(id, token);

        // Unknown and missing columns, named on line 1.
        Surveys.postCsv(id, ingest, header.replace("age_band", "agee_band") + "\nUV-900,SURVEY,MALE,WHITE,26-35"
                + ",YES,YES,YES,NONE,OTHER,NO,,NO,,\n").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(2))
                .body("errors[0].line", equalTo(1)).body("errors[0].field", equalTo("agee_band"))
                .body("errors[1].field", equalTo("age_band"));

        // Every bad row listed by line and column; the good new respondent on line 2 is not stored either.
        String bad = header + "\n"
                + "UV-900,SURVEY,MALE,WHITE,26-35,YES,YES,YES,NONE,OTHER,NO,,NO,,fine\n"      // 2 good
                + "UV-901,SURVEY,ROBOT,WHITE,26-35,YES,YES,YES,NONE,OTHER,NO,,NO,,\n"         // 3 gender
                + "UV-902,SURVEY,MALE,WHITE,26-35,YES,YES,YES,NONE;RELATIONSHIP,OTHER,NO,,NO,,\n" // 4 NONE+
                + "UV-903,SURVEY,MALE,WHITE,26-35,YES,YES,YES,NONE,OTHER,NO,YES,NO,,\n"       // 5 conditional
                + "UV-904,SURVEY,MALE,WHITE,26-35,YES,YES,YES,NONE,OTHER,NO,,NO,NO,\n"        // 6 interview-only
                + "UV-900,INTERVIEW,MALE,WHITE,26-35,YES,YES,YES,NONE,PARKING,NO,,NO,NO,\n"   // 7 dup + option
                + "UV-905,SURVEY,MALE,WHITE,26-35,maybe,YES,YES,NONE,OTHER,NO,,NO,,\n";       // 8 yes/no
        List<String> errors = problems(Surveys.postCsv(id, ingest, bad).then().statusCode(422).extract().asString());
        assertEquals(List.of(
                "3 gender 'ROBOT' is not one of [MALE, FEMALE, OTHER, PREFER_NOT_TO_SAY]",
                "4 positives 'NONE' cannot be combined with other options",
                "5 helped_by_probation answered, but it is asked only when needed_support is YES (here NO)",
                "6 say_in_how_run answered, but it is asked only on [INTERVIEW] (this row's channel is SURVEY)",
                "7 issues 'PARKING' is not one of [APPOINTMENTS, ACCESS_TO_SERVICES, COMMUNICATION, INDUCTION, OTHER, NONE]",
                "7 respondent_id respondent 'UV-900' appears twice in this request (first at line 2)",
                "8 relationship_works_well 'maybe' is not YES or NO"), errors);

        // Empty body, header only.
        Surveys.postCsv(id, ingest, "").then().statusCode(422).body("errors[0].message", equalTo("no responses"));
        Surveys.postCsv(id, ingest, header + "\n").then().statusCode(422).body("errors[0].line", equalTo(1));

        // Not UTF-8: Latin-1 bytes on line 2.
        byte[] latin1 = (header + "\nUV-906,SURVEY,MALE,WHITE,26-35,YES,YES,YES,NONE,OTHER,NO,,NO,,caf\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Surveys.post(id, ingest, Surveys.CSV_UTF8, latin1).then().statusCode(422)
                .body("errors[0].line", equalTo(2))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("not valid UTF-8: byte 0xE9"));

        // Over the configured limit (pip.feedback.max-body=2M).
        byte[] huge = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        Surveys.post(id, ingest, Surveys.CSV_UTF8, huge).then().statusCode(413)
                .contentType("application/problem+json");

        // Wrong media type or charset: 415. Malformed CSV or JSON: 400.
        Surveys.post(id, ingest, "text/plain", csv.getBytes(StandardCharsets.UTF_8)).then().statusCode(415);
        Surveys.post(id, ingest, "text/csv; charset=ISO-8859-1", csv.getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(415);
        Surveys.postCsv(id, ingest, header + "\nUV-907,\"SURVEY\n").then().statusCode(400)
                .body("errors[0].line", equalTo(2));
        Surveys.post(id, ingest, "application/json", "[{\"respondent_id\":".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400);
        Surveys.post(id, ingest, "application/json", "{}".getBytes(StandardCharsets.UTF_8)).then().statusCode(400);
        Surveys.post(id, ingest, "application/json", "[]".getBytes(StandardCharsets.UTF_8)).then().statusCode(422);

        // JSON rows are named by index; a missing key is a missing column.
        String jsonBody = "[{\"respondent_id\":\"UV-908\",\"channel\":\"SURVEY\"}]";
        List<String> jsonErrors = problems(Surveys.post(id, ingest, "application/json",
                jsonBody.getBytes(StandardCharsets.UTF_8)).then().statusCode(422).extract().asString());
        assertTrue(jsonErrors.contains("null [0].gender missing column 'gender'"), jsonErrors.toString());

        // Unknown template and unknown inspection: 404.
        io.restassured.RestAssured.given().auth().oauth2(ingest).contentType(Surveys.CSV_UTF8).body(csv)
                .post("/inspections/{id}/surveys/no-such-template/responses", id).then().statusCode(404);
        Surveys.postCsv(java.util.UUID.randomUUID().toString(), ingest, csv).then().statusCode(404);

        assertEquals(before, Surveys.feedback(id, token), "no bad request changed anything");
    }

    /** "line field message" for each error of a problem document. */
    static List<String> problems(String body) throws Exception {
        List<String> result = new ArrayList<>();
        for (JsonNode error : Surveys.JSON.readTree(body).get("errors")) {
            result.add(error.path("line").asText("null") + " " + error.path("field").asText() + " "
                    + error.get("message").asText());
        }
        return result;
    }

    /** Every number (and key) of {@code expected} is in {@code actual} at the same place with the same value. */
    static void assertContains(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode actualField = actual.get(field.getKey());
                assertTrue(actualField != null, "missing " + path + "/" + field.getKey() + " in " + actual);
                assertContains(field.getValue(), actualField, path + "/" + field.getKey());
            }
        } else {
            assertEquals(expected.asText(), actual.asText(), path);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
