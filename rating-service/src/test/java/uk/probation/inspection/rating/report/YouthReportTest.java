package uk.probation.inspection.rating.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.events.cases.CaseRegistered;
import uk.probation.inspection.events.cases.InspectionOpened;
import uk.probation.inspection.events.cases.NarrativeRecorded;
import uk.probation.inspection.infra.test.TestTokens;
import uk.probation.inspection.rating.CaseEventStream;
import uk.probation.inspection.rating.Ratings;

/**
 * A youth justice inspection's report and workbook break down by the youth framework's own case attributes: a sheet
 * per declared dimension (disposal, age, looked-after child, both risk levels...), the comparison table by disposal,
 * and a prompt fact about out-of-court cases filled from their counts, all equal to the questions API.
 */
@QuarkusTest
public class YouthReportTest {

    private static final Path YOUTH = Path.of("../case-service/src/main/resources/frameworks/hmip-youth-justice-2021.json");

    @Test
    void theYouthWorkbookHasASheetPerDeclaredDimension() throws Exception {
        UUID id = UUID.randomUUID();
        CaseEventStream stream = new CaseEventStream(id);
        stream.event(new InspectionOpened(id, "Youth report", "London", "YOT", "hmip-youth-justice-2021", "2023-03-06",
                "2022-09-01", "2023-02-28", "lena", (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(YOUTH))));
        // Four court cases answer 2.1.1 yes, yes, yes, no; three out-of-court cases answer 3.1.1 yes, no, no.
        String[][] cases = {{"C1", "COURT", "LOW", "HIGH", "YES"}, {"C2", "COURT", "LOW", "LOW", "YES"},
                {"C3", "COURT", "MEDIUM", "LOW", "YES"}, {"C4", "COURT", "HIGH", "LOW", "NO"},
                {"O1", "OUT_OF_COURT", "LOW", "MEDIUM", "YES"}, {"O2", "OUT_OF_COURT", "LOW", "MEDIUM", "NO"},
                {"O3", "OUT_OF_COURT", "MEDIUM", "MEDIUM", "NO"}};
        for (String[] c : cases) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("disposal", c[1]);
            attributes.put("disposalType", c[1].equals("COURT") ? "REFERRAL_ORDER" : "YOUTH_CAUTION");
            attributes.put("gender", "MALE");
            attributes.put("ethnicity", "White");
            attributes.put("ageAtStart", "15");
            attributes.put("lookedAfter", c[0].equals("C1"));
            attributes.put("roshLevel", c[2]);
            attributes.put("safetyWellbeingLevel", c[3]);
            stream.event(new CaseRegistered(id, c[0], null, null, null, null, null, null, null, attributes));
            stream.answer(c[0], c[1].equals("COURT") ? "2.1.1" : "3.1.1", c[4], null, 1);
        }
        stream.event(new NarrativeRecorded(id, "3.1", 1, List.of("Strength."), List.of("Area."), List.of(),
                List.of(new NarrativeRecorded.PromptFact("3.1.1", "OUT_OF_COURT",
                        "Desistance was assessed well in {yes} of the {relevant} out-of-court cases.")),
                "lena"));
        stream.send();
        String lead = TestTokens.token("lena", "lead-inspector");
        String html = NewhamReportTest.awaitReport(id, lead,
                h -> h.contains("Desistance was assessed well in 1 of the 3 out-of-court cases."));

        String comparison = NewhamReportTest.section(html, "cohorts");
        assertTrue(comparison.contains("Court and out of court cases"), comparison);
        assertTrue(comparison.contains("Court: percentage 'Yes'") && comparison.contains("Out of court: percentage 'Yes'"),
                comparison);
        assertTrue(comparison.contains("75% (3 of 4)") && comparison.contains("33% (1 of 3)"), comparison);

        byte[] xlsx = given().auth().oauth2(lead).get("/inspections/" + id + "/report.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(List.of("Ratings", "Key questions", "All cases", "Disposal", "Gender", "Ethnicity",
                    "Age at start of the disposal", "Looked-after child", "Risk of serious harm",
                    "Safety and wellbeing level", "User Voice", "Agreement"), sheets);
            assertSheetEqualsApi(id, book.getSheet("Disposal"), Map.of("COURT", "?disposal=COURT",
                    "OUT_OF_COURT", "?disposal=OUT_OF_COURT"));
            assertSheetEqualsApi(id, book.getSheet("Safety and wellbeing level"), Map.of(
                    "safetyWellbeingLevel:LOW", "?safetyWellbeingLevel=LOW",
                    "safetyWellbeingLevel:MEDIUM", "?safetyWellbeingLevel=MEDIUM",
                    "safetyWellbeingLevel:HIGH", "?safetyWellbeingLevel=HIGH",
                    "safetyWellbeingLevel:VERY_HIGH", "?safetyWellbeingLevel=VERY_HIGH"));
            assertSheetEqualsApi(id, book.getSheet("Looked-after child"), Map.of("LOOKED_AFTER", "?lookedAfter=true"));
        }
        String csv = given().auth().oauth2(lead).get("/inspections/" + id + "/report.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(",roshLevel:LOW,") && csv.contains(",ethnicity:WHITE,") && csv.contains(",OUT_OF_COURT,"),
                "the CSV names the same groups");
    }

    /** Every row of the sheet for each group equals the questions API for that group's query. */
    private static void assertSheetEqualsApi(UUID id, Sheet sheet, Map<String, String> queries) throws Exception {
        Map<String, Integer> rowsPerGroup = new LinkedHashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            List<String> row = NewhamReportTest.values(sheet.getRow(r));
            String group = row.get(4);
            String query = queries.get(group);
            assertTrue(query != null, "unexpected group " + group + " in " + sheet.getSheetName());
            JsonNode api = Ratings.byId(Ratings.questions(id, "lena", query)).get(row.get(0));
            assertEquals(List.of(api.path("yes").asText(), api.path("no").asText(), api.path("relevant").asText()),
                    List.of(row.get(5), row.get(6), row.get(8)), row.get(0) + " " + group);
            rowsPerGroup.merge(group, 1, Integer::sum);
        }
        assertEquals(queries.keySet(), rowsPerGroup.keySet(), sheet.getSheetName() + ": every group has its rows");
    }
}
