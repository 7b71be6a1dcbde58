package uk.probation.inspection.rating.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.events.feedback.FeedbackSummarised;
import uk.probation.inspection.infra.test.GoldenData;
import uk.probation.inspection.infra.test.TestTokens;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.rating.CaseEventStream;
import uk.probation.inspection.rating.Ratings;
import uk.probation.inspection.rating.dashboard.InspectionReportTest;

/**
 * The whole report generated from the Newham demo data (issue 17): the published report's ratings table and
 * domain-two figures and rated sentences exactly, the demo's text in place, User Voice figures from feedback-events,
 * the region comparison, the PDF and XLSX from the same figures; live and provisional for the team, frozen for viewers.
 */
@QuarkusTest
class NewhamReportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The rated sentences of the Newham report's domain-two standards, in the report's form. */
    static final Map<String, String> SENTENCES = Map.of(
            "2.2", "Overall, the PDU is rated as 'Inadequate' for assessment as the lowest score out of the three key"
                    + " questions was 36 per cent. This lowest score relates to keeping other people safe.",
            "2.3", "Overall, the PDU is rated as 'Inadequate' for planning as the lowest score out of the three key"
                    + " questions was 39 per cent. This lowest score relates to keeping other people safe.",
            "2.4", "Overall, the PDU is rated as 'Inadequate' for implementation and delivery as the lowest score out of"
                    + " the three key questions was 27 per cent. This lowest score relates to supporting the safety of"
                    + " other people.",
            "2.5", "Overall, the PDU is rated as 'Inadequate' for reviewing as the lowest score out of the three key"
                    + " questions was 30 per cent for two key questions. These lowest scores relate to supporting"
                    + " desistance and keeping other people safe.");

    @Test
    void theNewhamReportFromTheDemoDataLiveForTheTeamAndFrozenForViewers() throws Exception {
        String region = "Report " + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        JsonNode expected = JSON.readTree(GoldenData.newham("expected-ratings.json").toFile());
        JsonNode text = JSON.readTree(Path.of("../demo/newham/report-text.json").toFile());
        CaseEventStream stream = CaseEventStream.newham(id, "lena", region).demoReportText().send();
        CaseEventStream.sendFeedback(userVoice(id, null, 0));
        Ratings.awaitJudgements(id, "lena");
        String viewer = TestTokens.token("vic", "viewer", region);

        // The team's preview: provisional, every sentence and fact from the live counts.
        String team = awaitReport(id, TestTokens.token("lena", "lead-inspector"), h -> h.contains("62 out of 93"));
        assertTrue(team.contains("id=\"provisional\""), "the team's preview is marked provisional");
        assertTrue(team.contains(SENTENCES.get("2.2")), team);
        assertTrue(team.contains("including domestic abuse and child safeguarding enquiries, in only 10 of the 33"
                + " inspected cases."), "a prompt fact from the counts (2.2.3b: 10 of 33)");
        assertTrue(team.contains("Diversity and personal circumstances were analysed in 0 of the 10 resettlement cases."),
                "a prompt fact from a cohort's counts");
        given().auth().oauth2(viewer).get("/inspections/" + id + "/report").then().statusCode(404);

        // Changing an answer before publication changes the sentence and the fact; changing it back restores them.
        stream.answer("NEW-007", "2.2.3", "YES", "NO", 2).answer("NEW-007", "2.2.3b", "YES", "NO", 2).send();
        String changed = awaitReport(id, TestTokens.token("lena", "lead-inspector"),
                h -> h.contains("in only 11 of the 33 inspected cases."));
        assertTrue(changed.contains("Overall, the PDU is rated as 'Inadequate' for assessment as the lowest score out of"
                + " the three key questions was 39 per cent. This lowest score relates to keeping other people safe."),
                "2.2.3 is now 13 of 33: " + section(changed, "standard-2.2"));
        stream.answer("NEW-007", "2.2.3", "NO", "YES", 3).answer("NEW-007", "2.2.3b", "NO", "YES", 3).send();
        awaitReport(id, TestTokens.token("lena", "lead-inspector"), h -> h.contains("in only 10 of the 33 inspected cases."));

        // Publication: feedback-service announces the version's figures as viewers get them.
        stream.published("lena", 1, Instant.now().minusSeconds(1)).send();
        CaseEventStream.sendFeedback(userVoice(id, 1, 0));
        String published = awaitReport(id, viewer, h -> h.contains("62 out of 93"));
        assertFalse(published.contains("id=\"provisional\""));

        // The ratings table, row by row as the published report prints it.
        assertEquals(InspectionReportTest.PUBLISHED, InspectionReportTest.rows(table(published, "ratings-table")));
        // Domain two: each standard's key-question table and rated sentence.
        for (String standard : List.of("2.2", "2.3", "2.4", "2.5")) {
            String section = section(published, "standard-" + standard);
            assertTrue(section.contains("Percentage 'Yes'"), standard);
            assertTrue(section.contains(SENTENCES.get(standard)), standard + ": " + section);
            for (var q : (Iterable<Map.Entry<String, JsonNode>>) () -> expected.path("questions").fields()) {
                if (q.getKey().matches(Pattern.quote(standard) + "\\.\\d")) {
                    String row = section(section, "kq-" + q.getKey(), "tr");
                    assertTrue(row.contains(">" + q.getValue().path("percentage").asInt() + "%<"), q.getKey() + ": " + row);
                }
            }
            // The sentence's figure is the lowest of the published percentages.
            int lowest = Integer.MAX_VALUE;
            for (int k = 1; k <= 3; k++) {
                lowest = Math.min(lowest, expected.at("/questions/" + standard + "." + k + "/percentage").asInt());
            }
            assertTrue(SENTENCES.get(standard).contains("was " + lowest + " per cent"), standard);
        }
        assertTrue(section(published, "standard-2.6").contains("not rated"));
        assertTrue(section(published, "standard-2.1").contains("Not applicable"));

        // The demo's text: strengths, areas for improvement, cohort section, recommendations by addressee, background.
        for (var n : (Iterable<Map.Entry<String, JsonNode>>) () -> text.path("narratives").fields()) {
            String section = section(published, "standard-" + n.getKey());
            n.getValue().path("strengths").forEach(p -> assertTrue(section.contains(p.asText()), p.asText()));
            n.getValue().path("areasForImprovement").forEach(p -> assertTrue(section.contains(p.asText()), p.asText()));
        }
        assertTrue(section(published, "standard-1.3").contains("<h4 class=\"govuk-heading-s cohort-section\">Resettlement</h4>"));
        String recommendations = section(published, "recommendations");
        assertTrue(recommendations.contains("Newham PDU should:") && recommendations.contains("London region should:")
                && recommendations.contains("HMPPS should:"), recommendations);
        text.path("recommendations").forEach(r -> assertTrue(recommendations.contains(r.path("text").asText())));
        assertTrue(recommendations.contains("<li value=\"5\">" + text.at("/recommendations/4/text").asText()));
        String background = section(published, "background");
        assertTrue(background.contains("Fieldwork took place in the week of 5 September 2022."), background);
        assertTrue(background.contains("We inspected 33 cases where the sentence or licence commenced between"
                + " 24 January 2022 and 25 February 2022."), background);
        assertTrue(background.contains("We held 30 interviews and 10 meetings."), background);

        // People on probation, between domain one and domain two, as "62 out of 93".
        String people = section(published, "people-on-probation");
        assertTrue(published.indexOf("id=\"domain-1\"") < published.indexOf("id=\"people-on-probation\"")
                && published.indexOf("id=\"people-on-probation\"") < published.indexOf("id=\"domain-2\""));
        assertTrue(people.contains("User Voice heard from 96 people on probation, 13 of them interviewed face to face."));
        // In the published report's own words: the phrases of the survey template feedback-service ships.
        for (String sentence : List.of("62 out of 93 were happy with the overall support they received",
                "26 of 93 could not name anything positive about their time on probation",
                "28 of 94 raised appointments as an issue",
                "32 of the 61 who needed support said they had been helped",
                "30 of 93 said they had been asked for their views on the service they receive",
                "0 of 13 interviewed said they had had a say in how probation services are run",
                "three in five said their relationship with their practitioner worked well")) {
            assertTrue(people.contains("<li>" + sentence + "</li>"), sentence + " in " + people);
        }
        assertFalse(people.contains("answered yes") || people.contains(" chose "), "no plain lines left: " + people);

        // The region comparison: alone in its region, the pooled figure is its own and it ranks 1 of 1.
        assertTrue(section(published, "kq-2.2.3", "tr").contains("<td class=\"govuk-table__cell pooled\">36%</td>"
                + "<td class=\"govuk-table__cell rank\">1 of 1</td>"), section(published, "kq-2.2.3", "tr"));

        // PDF: rendered from the same HTML; its text holds the ratings table.
        byte[] pdf = given().auth().oauth2(viewer).get("/inspections/" + id + "/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(pdfText.contains("Ratings"), pdfText);
            assertTrue(pdfText.contains("2.2 Assessment Inadequate 64, 48, 36"), pdfText);
            assertTrue(pdfText.contains("Overall Requires improvement 6/24"), pdfText);
            assertTrue(pdfText.contains("was 30 per cent for two key questions"), "the sentences are in it too");
        }

        // XLSX: opens with POI; every CSV figure is in its sheet, equal.
        assertWorkbookEqualsCsv(id, viewer);
        // and how sure each rating is, as the ratings API says, for viewers (the publication) and the team (live)
        assertWorkbookConfidenceEqualsApi(id, viewer);
        assertWorkbookConfidenceEqualsApi(id, TestTokens.token("lena", "lead-inspector"));

        // After publication nothing in the viewer's report moves: reopen, change an answer, the text, the survey.
        String frozen = published;
        stream.reopened("lena", 1, null).answer("NEW-007", "2.2.3", "YES", "NO", 4)
                .event(new uk.probation.inspection.events.cases.RecommendationsRecorded(id, 2, List.of(
                        new uk.probation.inspection.events.cases.RecommendationsRecorded.Recommendation("HMPPS", "Changed.")),
                        "lena")).send();
        CaseEventStream.sendFeedback(userVoice(id, null, 1));
        String live = awaitReport(id, TestTokens.token("lena", "lead-inspector"),
                h -> h.contains("Changed.") && h.contains("63 out of 93"));
        assertTrue(live.contains("id=\"provisional\""));
        assertEquals(frozen, report(id, viewer), "the viewer's report is the frozen publication");
    }

    @Test
    void theRegionViewPoolsEveryPublishedInspection() throws Exception {
        String region = "Pool " + UUID.randomUUID().toString().substring(0, 8);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID unpublished = UUID.randomUUID();
        CaseEventStream.newham(first, "lena", region).published("lena", 1, Instant.now().minusSeconds(1)).send();
        CaseEventStream.newham(second, "lena", region).answer("NEW-001", "2.2.1", "NO", "YES", 2)
                .published("lena", 1, Instant.now().minusSeconds(1)).send();
        CaseEventStream.newham(unpublished, "lena", region).send();
        String viewer = TestTokens.token("vic", "viewer", region);
        JsonNode view = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(given().auth()
                .oauth2(viewer).queryParam("year", "2022").get("/regions/" + region + "/key-questions").then()
                .statusCode(200).extract().asString()), v -> v.path("inspections").asInt() == 2);
        JsonNode q = null;
        for (JsonNode k : view.path("keyQuestions")) {
            q = k.path("questionId").asText().equals("2.2.1") ? k : q;
        }
        assertEquals(List.of(21 + 20, 66, 62), List.of(q.path("yes").asInt(), q.path("relevant").asInt(),
                q.path("percentage").asInt()), "pooled counts of the two published inspections only: " + q);
        // In the first one's report: 64% beside the pooled 62%, ranked first of two.
        String report = awaitReport(first, viewer, h -> h.contains("(2 inspections)"));
        assertTrue(section(report, "kq-2.2.1", "tr").contains(">64%</td><td class=\"govuk-table__cell pooled\">62%</td>"
                + "<td class=\"govuk-table__cell rank\">1 of 2</td>"), section(report, "kq-2.2.1", "tr"));
        given().auth().oauth2(viewer).queryParam("year", "20x2").get("/regions/" + region + "/key-questions").then()
                .statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("nel", "viewer", "North East")).get("/regions/" + region + "/key-questions")
                .then().statusCode(404);
    }

    private static void assertWorkbookEqualsCsv(UUID id, String token) throws Exception {
        String csv = given().auth().oauth2(token).get("/inspections/" + id + "/report.csv").then().statusCode(200)
                .extract().asString();
        byte[] xlsx = given().auth().oauth2(token).get("/inspections/" + id + "/report.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, List<String>> cells = new LinkedHashMap<>();
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertEquals(List.of("Ratings", "Key questions", "All cases", "Cohort", "Young adult (18-24)", "Gender",
                    "Ethnicity", "Risk of serious harm", "User Voice", "Agreement"), sheets,
                    "a sheet per breakdown dimension the framework declares");
            for (String name : sheets.subList(2, sheets.size() - 2)) {
                Sheet sheet = book.getSheet(name);
                assertEquals(List.of("question_id", "kind", "standard_id", "text", "group", "yes", "no", "not_applicable",
                        "relevant", "percentage_yes", "withheld"), values(sheet.getRow(0)));
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    List<String> row = values(sheet.getRow(r));
                    cells.put(row.get(0) + "/" + row.get(4), row.subList(5, 10));
                }
            }
            CsvTable table = CsvTable.parse(csv);
            assertEquals(table.rows().size(), cells.size(), "every CSV row is in the workbook");
            for (CsvTable.Row row : table.rows()) {
                assertEquals(List.of(row.get("yes"), row.get("no"), row.get("not_applicable"), row.get("relevant"),
                        row.get("percentage_yes")), cells.get(row.get("question_id") + "/" + row.get("cohort")),
                        row.get("question_id") + " " + row.get("cohort"));
            }
            Sheet ratings = book.getSheet("Ratings");
            List<String> overall = values(ratings.getRow(ratings.getLastRowNum()));
            assertEquals(List.of("overall", "Overall", "", "REQUIRES_IMPROVEMENT", "", "6", "24"), overall);
            Sheet userVoice = book.getSheet("User Voice");
            boolean found = false;
            for (int r = 1; r <= userVoice.getLastRowNum(); r++) {
                List<String> row = values(userVoice.getRow(r));
                found |= row.get(0).equals("happy_with_support") && row.get(3).equals("62") && row.get(4).equals("93")
                        && row.get(5).equals("62 out of 93 were happy with the overall support they received");
            }
            assertTrue(found, "User Voice sheet has 62 out of 93, and the report's sentence for it");
        }
    }

    /**
     * The "Key questions" sheet's intervals and the "Ratings" sheet's settled and changes to move are the ratings
     * API's, cell for cell (Newham: 2.2 not settled, 6 changes up; at least one interval is not whole).
     */
    private static void assertWorkbookConfidenceEqualsApi(UUID id, String token) throws Exception {
        JsonNode ratings = JSON.readTree(given().auth().oauth2(token).get("/inspections/" + id + "/ratings").then()
                .statusCode(200).extract().asString());
        byte[] xlsx = given().auth().oauth2(token).get("/inspections/" + id + "/report.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet keyQuestions = book.getSheet("Key questions");
            assertEquals(List.of("standard_id", "question_id", "text", "yes", "no", "not_applicable", "relevant",
                    "percentage_yes", "interval_low", "interval_high"), values(keyQuestions.getRow(0)));
            Sheet standards = book.getSheet("Ratings");
            assertEquals(List.of("standard_id", "standard", "basis", "rating", "lowest_key_question", "score",
                    "max_score", "settled", "changes_to_move_up", "changes_to_move_down"), values(standards.getRow(0)));
            int r = 1;
            int intervals = 0;
            int s = 1;
            for (JsonNode standard : ratings.path("standards")) {
                Row row = standards.getRow(s++);
                assertEquals(standard.path("id").asText(), row.getCell(0).getStringCellValue());
                assertEquals(standard.has("settled") ? standard.path("settled").asBoolean() : null,
                        row.getCell(7) == null ? null : row.getCell(7).getBooleanCellValue(), standard.path("id").asText());
                assertEquals(number(standard.path("changesToMove").path("up")), number(row.getCell(8)));
                assertEquals(number(standard.path("changesToMove").path("down")), number(row.getCell(9)));
                for (JsonNode q : standard.path("keyQuestions")) {
                    Row kq = keyQuestions.getRow(r++);
                    assertEquals(q.path("id").asText(), kq.getCell(1).getStringCellValue());
                    assertEquals(q.path("yes").asDouble(), kq.getCell(3).getNumericCellValue());
                    assertEquals(q.path("relevant").asDouble(), kq.getCell(6).getNumericCellValue());
                    assertEquals(number(q.path("interval").path("low")), number(kq.getCell(8)), q.path("id").asText());
                    assertEquals(number(q.path("interval").path("high")), number(kq.getCell(9)), q.path("id").asText());
                    intervals += q.has("interval") ? 1 : 0;
                }
            }
            assertEquals(r - 1, keyQuestions.getLastRowNum(), "one row per key question");
            assertTrue(intervals > 0, "Newham's key questions have intervals");
            Row assessment = standards.getRow(1 + indexOf(ratings, "2.2"));
            assertFalse(assessment.getCell(7).getBooleanCellValue());
            assertEquals(6.0, assessment.getCell(8).getNumericCellValue());
        }
    }

    private static int indexOf(JsonNode ratings, String standardId) {
        int i = 0;
        for (JsonNode s : ratings.path("standards")) {
            if (s.path("id").asText().equals(standardId)) {
                return i;
            }
            i++;
        }
        throw new AssertionError("no standard " + standardId);
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static Double number(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getNumericCellValue();
    }

    /** Cell values as text, numbers without ".0", blanks as "". */
    static List<String> values(Row row) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                values.add("");
            } else if (cell.getCellType() == CellType.NUMERIC) {
                values.add(Long.toString((long) cell.getNumericCellValue()));
            } else if (cell.getCellType() == CellType.BOOLEAN) {
                values.add(Boolean.toString(cell.getBooleanCellValue()));
            } else {
                assertNotEquals(CellType.FORMULA, cell.getCellType());
                values.add(cell.getStringCellValue());
            }
        }
        return values;
    }

    /** The survey template feedback-service ships, whose report phrases feedback.summarised carries. */
    static final Path SHIPPED_TEMPLATE = Path.of("../feedback-service/src/main/resources/templates/user-voice-2022.json");

    /**
     * The User Voice figures of expected-feedback.json, as feedback-service announces them: with the report phrases
     * of its shipped template; {@code extra} more yes.
     */
    static FeedbackSummarised userVoice(UUID id, Integer version, int extra) throws Exception {
        JsonNode f = JSON.readTree(Files.readString(GoldenData.newham("expected-feedback.json")));
        Map<String, JsonNode> template = new LinkedHashMap<>();
        JSON.readTree(SHIPPED_TEMPLATE.toFile()).path("questions").forEach(q -> template.put(q.path("id").asText(), q));
        List<FeedbackSummarised.QuestionFigure> questions = new ArrayList<>();
        f.path("questions").fields().forEachRemaining(q -> questions.add(new FeedbackSummarised.QuestionFigure(q.getKey(),
                q.getKey().equals("happy_with_support") ? "Are you happy with the overall support you receive from probation?"
                        : q.getKey().replace('_', ' '),
                q.getValue().path("yes").asInt() + (q.getKey().equals("happy_with_support") ? extra : 0),
                q.getValue().path("answered").asInt(), template.get(q.getKey()).path("reportPhrase").textValue())));
        List<FeedbackSummarised.OptionFigure> options = new ArrayList<>();
        f.path("options").fields().forEachRemaining(o -> {
            String question = o.getKey().split("\\.")[0];
            String option = o.getKey().split("\\.")[1];
            options.add(new FeedbackSummarised.OptionFigure(question, option, o.getKey(),
                    o.getValue().path("selected").asInt(), o.getValue().path("answered").asInt(),
                    template.get(question).path("optionPhrases").path(option).textValue()));
        });
        Map<String, Integer> channels = new LinkedHashMap<>();
        f.path("channels").fields().forEachRemaining(c -> channels.put(c.getKey(), c.getValue().asInt()));
        return new FeedbackSummarised(id.toString(), "user-voice-2022", version, f.path("respondents").asInt(), channels,
                questions, options);
    }

    static String report(UUID id, String token) {
        return unescape(given().auth().oauth2(token).get("/inspections/" + id + "/report").then().statusCode(200)
                .contentType("text/html").extract().asString());
    }

    static String awaitReport(UUID id, String token, java.util.function.Predicate<String> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().auth().oauth2(token).get("/inspections/" + id + "/report");
            return response.statusCode() == 200 ? unescape(response.asString()) : "";
        }, until);
    }

    static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static String table(String html, String id) {
        return section(html, id, "table");
    }

    static String section(String html, String id) {
        return section(html, id, "section");
    }

    /** The element {@code tag} with this id, up to its first closing tag (sections here do not nest in themselves). */
    static String section(String html, String id, String tag) {
        Matcher m = Pattern.compile("<" + tag + "[^>]*id=\"" + Pattern.quote(id) + "\".*?</" + tag + ">", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "no " + tag + " " + id);
        return m.group();
    }
}
