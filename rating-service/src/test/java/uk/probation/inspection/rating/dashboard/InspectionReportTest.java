package uk.probation.inspection.rating.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import uk.probation.inspection.infra.test.TestTokens;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.rating.CaseEventStream;
import uk.probation.inspection.rating.Ratings;

/**
 * The report exports for the Newham data set: the HTML ratings table is the published report's (domain.md
 * section 5, row by row as printed), the CSV has every key question and prompt overall and per cohort with the
 * report's prompt figures, the history ends at the published percentages, and the scope rules apply.
 */
@QuarkusTest
public class InspectionReportTest {

    /** The Newham report's ratings table (bold lowest key questions shown as *n*). */
    public static final List<String> PUBLISHED = List.of(
            "1.1 Leadership | Requires improvement | judgement",
            "1.2 Staff | Good | judgement",
            "1.3 Services | Requires improvement | judgement",
            "1.4 Information and facilities | Good | judgement",
            "2.1 Court work | Not applicable | —",
            "2.2 Assessment | Inadequate | 64, 48, *36*",
            "2.3 Planning | Inadequate | 52, 48, *39*",
            "2.4 Implementation and delivery | Inadequate | 42, 30, *27*",
            "2.5 Reviewing | Inadequate | 48, *30*, *30*",
            "2.6 Outcomes | not rated | 27",
            "*Overall* | *Requires improvement* | *6/24*");

    @Test
    void newhamReportMatchesThePublishedTable() throws Exception {
        UUID id = UUID.randomUUID();
        CaseEventStream.newham(id, "lena").published("lena").send();
        Ratings.await(id, "lena", r -> r.path("published").asBoolean()
                && Ratings.standard(r, "1.4").path("rating").asText().equals("GOOD"));
        String viewer = TestTokens.token("vic", "viewer", "London");

        String html = given().auth().oauth2(viewer).get("/inspections/" + id + "/report").then().statusCode(200)
                .contentType("text/html").header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"))
                .extract().asString();
        assertEquals(PUBLISHED, rows(table(html, "ratings-table")));
        assertTrue(html.contains("Key questions (% Yes of 33)"), "case count in the header");
        assertTrue(html.contains("<th scope=\"col\" class=\"govuk-table__header\">Percentage 'Yes'</th>"));
        // Resettlement cases (10 of 33) were done less well: the comparison shows both cohorts.
        String cohorts = table(html, "cohort-table");
        assertTrue(cohorts.contains("Community: percentage 'Yes'") && cohorts.contains("Resettlement: percentage 'Yes'"));
        JsonNode resettlement = Ratings.byId(Ratings.questions(id, "lena", "?cohort=RESETTLEMENT")).get("2.2.3");
        assertTrue(cohorts.contains(resettlement.path("percentage").asInt() + "% (" + resettlement.path("yes").asInt()
                + " of " + resettlement.path("relevant").asInt() + ")"), cohorts);

        String csv = given().auth().oauth2(viewer).get("/inspections/" + id + "/report.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertEquals(csv, given().auth().oauth2(viewer).queryParam("format", "csv").get("/inspections/" + id + "/report")
                .then().statusCode(200).extract().asString());
        CsvTable table = CsvTable.parse(csv);
        assertEquals(ReportCsv.HEADER, table.header());
        int questions = Ratings.questions(id, "lena", "").size();
        // One group per value of every breakdown dimension the probation framework declares: cohort, young adult,
        // gender and RoSH level by their declared values, ethnicity by the values the cases hold.
        Set<String> groups = new TreeSet<>(List.of("ALL", "COMMUNITY", "RESETTLEMENT", "YOUNG_ADULT", "MALE", "FEMALE",
                "OTHER", "NOT_RECORDED", "LOW", "MEDIUM", "HIGH", "VERY_HIGH"));
        CaseEventStream.csv("cases.csv").rows()
                .forEach(c -> groups.add("ethnicity:" + c.get("ethnicity").trim().toUpperCase(Locale.ROOT)));
        assertEquals(groups, new TreeSet<>(table.rows().stream().map(r -> r.get("cohort")).toList()));
        assertEquals(questions * groups.size(), table.rows().size(), "every question overall and per group");
        CsvTable.Row prompt = find(table, "2.2.3b", "ALL"); // "domestic abuse and safeguarding checks ... 10 of 33"
        assertEquals(List.of("prompt", "10", "33", "30"), List.of(prompt.get("kind"), prompt.get("yes"),
                prompt.get("relevant"), prompt.get("percentage_yes")));
        CsvTable.Row keyQuestion = find(table, "2.2.1", "ALL");
        assertEquals(List.of("key question", "2.2", "21", "33", "64"), List.of(keyQuestion.get("kind"),
                keyQuestion.get("standard_id"), keyQuestion.get("yes"), keyQuestion.get("relevant"),
                keyQuestion.get("percentage_yes")));
        assertEquals(resettlement.path("yes").asText(), find(table, "2.2.3", "RESETTLEMENT").get("yes"));

        JsonNode history = new com.fasterxml.jackson.databind.ObjectMapper().readTree(given().auth().oauth2(viewer)
                .get("/inspections/" + id + "/history").then().statusCode(200).extract().asString());
        JsonNode points = history.path("2.2.3");
        assertEquals(1, points.size(), "a viewer's history is the publication alone, nothing from before: " + points);
        assertEquals(36, points.get(0).path("percentage").asInt());
        assertEquals(12, points.get(0).path("yes").asInt());
        JsonNode teamPoints = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Ratings.body("/inspections/" + id + "/history", "lena")).path("2.2.3");
        assertTrue(teamPoints.size() > 1, "the team's percentage moved as answers came in: " + teamPoints);
        assertEquals(36, teamPoints.get(teamPoints.size() - 1).path("percentage").asInt());

        // Same scope as GET ratings: another region's viewer and strangers get 404; no token 401.
        String path = "/inspections/" + id + "/report";
        given().auth().oauth2(TestTokens.token("nel", "viewer", "North East")).get(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("otto", "inspector")).get(path + ".csv").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("otto", "inspector")).get("/inspections/" + id + "/history").then()
                .statusCode(404);
        given().get(path).then().statusCode(401);
        given().auth().oauth2(viewer).queryParam("format", "pdf").get(path).then().statusCode(422)
                .contentType("application/problem+json");
    }

    private static CsvTable.Row find(CsvTable table, String questionId, String cohort) {
        return table.rows().stream().filter(r -> r.get("question_id").equals(questionId) && r.get("cohort").equals(cohort))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + questionId + " " + cohort));
    }

    private static String table(String html, String id) {
        Matcher m = Pattern.compile("<table[^>]*id=\"" + id + "\".*?</table>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no table " + id);
        return m.group();
    }

    /** Body rows as "cell | cell | cell", with bold shown as *text*. */
    public static List<String> rows(String table) {
        List<String> rows = new ArrayList<>();
        String body = table.substring(table.indexOf("<tbody"));
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("</?strong>", "*").replaceAll("<[^>]+>", "").trim());
            }
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }
}
