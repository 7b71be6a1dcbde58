package uk.probation.inspection.rating.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.events.ratings.InspectionRatings.Overall;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.rating.rules.Basis;
import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.RatingRules;

/**
 * The CSV workbook with hostile question texts (a framework is registered by an admin and reaches this service in
 * {@code inspection.opened}): formulas come out as text, quotes and line breaks stay inside their cell.
 */
class ReportCsvTest {

    static final Path FRAMEWORK = Path.of("../case-service/src/main/resources/frameworks/hmip-probation-pdu-2021.json");

    static final Map<String, String> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("2.2.1", "=cmd|' /C calc'!A0");
        TEXTS.put("2.2.1a", "+SUM(A1)");
        TEXTS.put("2.2.1b", "-2+3");
        TEXTS.put("2.2.1c", "@SUM(1)");
        TEXTS.put("2.2.1d", "\t=1+1");
        TEXTS.put("2.2.1e", "\r=1+1");
        TEXTS.put("2.2.1f", "Is the \"risk\", in short,\nclear?");
        TEXTS.put("2.2.1g", "a;=1+1");
    }

    static ReportData report() throws Exception {
        RatingRules rules = RatingRules.fromJson(new ObjectMapper().readTree(Files.readString(FRAMEWORK)).path("rules"));
        List<Framework.Prompt> prompts = TEXTS.entrySet().stream().skip(1)
                .map(e -> new Framework.Prompt(e.getKey(), e.getValue())).toList();
        Framework framework = new Framework("hostile", rules, List.of(new Framework.Standard("2.2", "Assessment",
                Basis.CASES, List.of(new Framework.KeyQuestion("2.2.1", TEXTS.get("2.2.1"), prompts)))));
        List<QuestionView> views = TEXTS.keySet().stream().map(id -> new QuestionView(id, 1, 1, 0, 2, 50)).toList();
        Map<String, List<QuestionView>> tallies = new LinkedHashMap<>();
        tallies.put(ReportData.OVERALL, views);
        InspectionRatings ratings = new InspectionRatings("id", "=cmd|' /C calc'!A0", "London", "@pdu", "hostile", false, "OPEN", true, null, null,
                new Overall("NOT_RATED", 0, 0), List.of());
        return new ReportData(ratings, framework, 1, tallies);
    }

    @Test
    void formulasAreTextAndEveryTextStaysInItsCell() throws Exception {
        String csv = ReportCsv.render(report());
        CsvTable table = CsvTable.parse(csv);
        assertEquals(TEXTS.size(), table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            String sent = TEXTS.get(row.get("question_id"));
            boolean formula = "=+-@\t\r".indexOf(sent.charAt(0)) >= 0;
            assertEquals(formula ? "'" + sent : sent, row.get("text"), "text of " + row.get("question_id"));
            assertEquals("50", row.get("percentage_yes"));
        }
        assertNoCellStartsAFormula(csv);
    }

    /**
     * Whatever separator a spreadsheet assumes (comma, semicolon or tab), no unquoted cell starts with a formula
     * character: quoted cells are read whole, and their own first character is the {@code '}.
     */
    static void assertNoCellStartsAFormula(String csv) {
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    i++; // an escaped quote
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (cellStart && "=+-@".indexOf(c) >= 0) {
                throw new AssertionError("a cell starts with '" + c + "' at offset " + i);
            }
            if (cellStart && c == '"') {
                quoted = true;
                assertTrue("=+-@\t\r".indexOf(csv.charAt(i + 1)) < 0, "a quoted cell starts a formula at offset " + i);
            }
            cellStart = ",;\t\r\n".indexOf(c) >= 0;
        }
    }
}
