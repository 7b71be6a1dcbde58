package uk.probation.inspection.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.probation.inspection.infra.test.GoldenData;

/**
 * A blind second reading through the packaged services on the real broker: a reader outside the team answers
 * without seeing the first answers, the second answers never move the ratings (rating-service reads past them),
 * agreement is measured, and a resolution that changes the first answer moves the ratings like any answer change.
 * case-service announces the agreement after each change (second.reading.agreement.summarised), and rating-service's
 * workbook carries it in its Agreement sheet without ever calling case-service.
 */
@Order(5)
class SecondReadingEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String cases = RunningSystem.url("case-service");
    private final String ratings = RunningSystem.url("rating-service");
    private final String lead = RunningSystem.token("lena", "lead-inspector");
    private final String reader = RunningSystem.token("quinn", "inspector");

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void secondAnswersAreMeasuredButNeverRatedUntilAFirstAnswerIsChanged() throws Exception {
        String id = as(lead).contentType(ContentType.JSON)
                .body(Map.of("name", "Second-read PDU", "region", "Wessex", "pdu", "Second", "frameworkId",
                        "hmip-probation-pdu-2021", "fieldworkStart", "2022-09-05", "sampleFrom", "2022-01-24",
                        "sampleTo", "2022-02-25"))
                .post(cases + "/inspections").then().statusCode(201).extract().path("id");
        String base = cases + "/inspections/" + id;
        List<String> lines = Files.readAllLines(GoldenData.newham("cases.csv"), StandardCharsets.UTF_8);
        as(lead).contentType("text/csv; charset=UTF-8").body(String.join("\n", lines.subList(0, 3)) + "\n")
                .post(base + "/cases").then().statusCode(201);
        for (String[] a : new String[][] {{"NEW-001", "YES"}, {"NEW-002", "YES"}}) {
            as(lead).contentType(ContentType.JSON).body(Map.of("answer", a[1]))
                    .put(base + "/cases/" + a[0] + "/answers/2.2.3").then().statusCode(200);
        }
        as(lead).contentType(ContentType.JSON).body(Map.of("reader", "quinn", "caseRefs", List.of("NEW-001", "NEW-002")))
                .post(base + "/second-readings").then().statusCode(200);
        String mine = as(reader).get(base + "/second-readings/mine").then().statusCode(200).body("$", hasSize(2))
                .extract().asString();
        assertFalse(mine.contains("\"YES\""), "no first answer is shown: " + mine);
        for (String ref : List.of("NEW-001", "NEW-002")) {
            as(reader).contentType(ContentType.JSON).body(Map.of("answer", "NO"))
                    .put(base + "/second-readings/" + ref + "/answers/2.2.3").then().statusCode(200);
        }
        // A later first answer shows rating-service has read past the second answers; they changed nothing.
        as(lead).contentType(ContentType.JSON).body(Map.of("answer", "YES")).put(base + "/cases/NEW-001/answers/2.2.1")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> keyQuestion(team(id), "2.2.1").path("yes").asInt() == 1);
        assertEquals(2, keyQuestion(team(id), "2.2.3").path("yes").asInt());
        assertEquals(0, keyQuestion(team(id), "2.2.3").path("no").asInt());

        as(lead).get(base + "/second-readings/agreement").then().statusCode(200)
                .body("overall.pairs", equalTo(2)).body("overall.agreed", equalTo(0))
                .body("disagreements", hasSize(2));
        as(lead).contentType(ContentType.JSON).body(Map.of("outcome", "CHANGED", "reason", "No risk assessment on file."))
                .post(base + "/second-readings/NEW-002/resolutions/2.2.3").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> keyQuestion(team(id), "2.2.3").path("no").asInt() == 1);
        assertEquals(1, keyQuestion(team(id), "2.2.3").path("yes").asInt());
        as(lead).get(base + "/second-readings/agreement").then()
                .body("disagreements[1].resolution.outcome", equalTo("CHANGED"));

        // The workbook's Agreement sheet: 0 of 2, lena's, both disagreements, NEW-002 changed with its reason.
        List<List<String>> sheet = await().atMost(Duration.ofSeconds(60)).until(() -> agreementSheet(id),
                rows -> rows.stream().anyMatch(r -> r.contains("CHANGED")));
        assertEquals(List.of("overall", "", "2", "0", "0"), sheet.get(1).subList(0, 5));
        assertTrue(sheet.stream().anyMatch(r -> r.size() > 2 && r.get(0).equals("inspector") && r.get(1).equals("lena")
                && r.get(2).equals("2")), sheet.toString());
        assertTrue(sheet.stream().anyMatch(r -> r.size() > 8 && r.get(0).equals("NEW-002") && r.get(6).equals("CHANGED")
                && r.get(8).equals("No risk assessment on file.")), sheet.toString());
    }

    /** rating-service's workbook, Agreement sheet, every cell as text (whole numbers without ".0"). */
    private List<List<String>> agreementSheet(String id) throws Exception {
        byte[] xlsx = as(lead).get(ratings + "/inspections/" + id + "/report.xlsx").then().statusCode(200).extract()
                .asByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter();
            List<List<String>> rows = new java.util.ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : book.getSheet("Agreement")) {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(text.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private JsonNode team(String id) throws Exception {
        return JSON.readTree(as(lead).get(ratings + "/inspections/" + id + "/ratings").then().statusCode(200)
                .extract().asString());
    }

    private static JsonNode keyQuestion(JsonNode ratings, String id) {
        for (JsonNode s : ratings.path("standards")) {
            for (JsonNode q : s.path("keyQuestions")) {
                if (q.path("id").asText().equals(id)) {
                    return q;
                }
            }
        }
        throw new AssertionError("no key question " + id);
    }
}
