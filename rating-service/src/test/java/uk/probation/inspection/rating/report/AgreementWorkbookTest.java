package uk.probation.inspection.rating.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised.Disagreement;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised.Figures;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised.InspectorFigures;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised.KeyQuestionFigures;
import uk.probation.inspection.infra.test.TestTokens;
import uk.probation.inspection.rating.CaseEventStream;
import uk.probation.inspection.rating.Ratings;

/**
 * The workbook's Agreement sheet from second.reading.agreement.summarised: the latest summary for the team, with
 * each inspector and the disagreements; for viewers the one frozen with the publication, without either (they name
 * people); the ratings never move on it.
 */
@QuarkusTest
class AgreementWorkbookTest {

    @Test
    void theTeamSeesTheLatestAgreementAndViewersTheFrozenOneWithoutPeople() throws Exception {
        String region = "Agreement " + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        CaseEventStream stream = new CaseEventStream(id).opened("Agreement PDU", region, "A", "lena")
                .teamMember("lena", "LEAD").caseRegistered("A-1", "COMMUNITY", false, "MALE", "WHITE", "LOW")
                .answer("A-1", "2.2.1", "YES", null, 1)
                .add(summary(id, 2, 2, 1, "quinn-kept"))
                .add(summary(id, 1, 1, 1, "stale")) // older, sent after: changes nothing
                .answer("A-1", "2.2.2", "NO", null, 1); // after them: once counted, both were applied
        stream.send();
        Ratings.await(id, "lena", r -> Ratings.standard(r, "2.2").path("keyQuestions").get(1).path("no").asInt() == 1);
        String lead = TestTokens.token("lena", "lead-inspector");
        List<List<String>> team = agreement(id, lead);
        assertEquals(List.of("kind", "id", "pairs", "agreed", "percentage_agreement", "kappa"), team.get(0));
        assertEquals(List.of("overall", "", "2", "1", "50"), team.get(1), "version 2 is kept, not the stale 1");
        assertEquals(List.of("key question", "2.2.1", "2", "1", "50"), team.get(2));
        assertEquals(List.of("inspector", "lena", "2", "1", "50"), team.get(3));
        assertEquals("case_ref", team.get(5).get(0));
        assertEquals(List.of("A-1", "2.2.1", "YES", "lena", "NO", "quinn", "KEPT", "YES", "quinn-kept", "lena"),
                team.get(6));
        assertEquals(1, Ratings.standard(Ratings.get(id, "lena"), "2.2").path("keyQuestions").get(0).path("yes")
                .asInt(), "the ratings do not move on it");

        // Published with version 2 of the agreement; then reopened and summarised again (3 of 4).
        stream.published("lena", 1, Instant.now().minusSeconds(1)).send();
        String viewer = TestTokens.token("vic", "viewer", region);
        List<List<String>> published = awaitAgreement(id, viewer, rows -> rows.size() > 1);
        stream.reopened("lena", 1, null).add(summary(id, 3, 4, 3, "later")).send();
        awaitAgreement(id, lead, rows -> rows.get(1).get(2).equals("4"));
        List<List<String>> frozen = agreement(id, viewer);
        assertEquals(published, frozen, "viewers keep the publication's agreement");
        assertEquals(List.of("overall", "", "2", "1", "50"), frozen.get(1));
        assertEquals(List.of("key question", "2.2.1", "2", "1", "50"), frozen.get(2));
        assertEquals(3, frozen.size(), "no inspector, no disagreement for viewers: " + frozen);
        assertFalse(frozen.toString().contains("lena") || frozen.toString().contains("quinn"), frozen.toString());
    }

    private static SecondReadingAgreementSummarised summary(UUID id, int version, int pairs, int agreed, String reason) {
        Figures f = new Figures(pairs, agreed, 100.0 * agreed / pairs, null);
        return new SecondReadingAgreementSummarised(id, version, f, List.of(new KeyQuestionFigures("2.2.1", f)),
                List.of(new InspectorFigures("lena", f)),
                List.of(new Disagreement("A-1", "2.2.1", "YES", "lena", "NO", "quinn", "KEPT", "YES", reason, "lena")));
    }

    private static List<List<String>> awaitAgreement(UUID id, String token,
            java.util.function.Predicate<List<List<String>>> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> agreement(id, token), until);
    }

    /** The Agreement sheet's cells as text (whole numbers without ".0", blanks ""). */
    private static List<List<String>> agreement(UUID id, String token) throws Exception {
        byte[] xlsx = given().auth().oauth2(token).get("/inspections/" + id + "/report.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("Agreement");
            assertTrue(sheet != null, "an Agreement sheet");
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    var cell = row.getCell(c);
                    cells.add(cell == null ? "" : switch (cell.getCellType()) {
                        case NUMERIC -> cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())
                                ? Long.toString((long) cell.getNumericCellValue())
                                : Double.toString(cell.getNumericCellValue());
                        case STRING -> cell.getStringCellValue();
                        default -> "";
                    });
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
