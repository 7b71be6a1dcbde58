package uk.probation.inspection.rating.dashboard;

import java.util.List;
import java.util.Map;

import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;

/**
 * The data workbook as one CSV table: every key question and prompt, overall and per cohort, with counts and
 * the rounded percentage. Cells go through {@link CsvTable#cell} (quoting, formula-neutralising).
 */
public final class ReportCsv {

    static final List<String> HEADER = List.of("question_id", "kind", "standard_id", "text", "cohort", "yes", "no",
            "not_applicable", "relevant", "percentage_yes", "withheld");

    private ReportCsv() {
    }

    public static String render(ReportData data) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        Map<String, String> texts = data.texts();
        for (Map.Entry<String, List<QuestionView>> tally : data.tallies().entrySet()) {
            for (QuestionView q : tally.getValue()) {
                boolean keyQuestion = data.framework().standardOfKeyQuestion(q.id()).isPresent();
                String standardId = q.id().replaceAll("^(\\d+\\.\\d+)\\..*$", "$1");
                line(out, List.of(q.id(), keyQuestion ? "key question" : "prompt", standardId,
                        texts.getOrDefault(q.id(), ""), tally.getKey(), count(q.yes()), count(q.no()),
                        count(q.notApplicable()), count(q.relevant()), count(q.percentage()),
                        q.wasWithheld() ? "small numbers" : ""));
            }
        }
        return out.toString();
    }

    /** Blank for no figure: nothing relevant, or withheld for small numbers (then the last column says so). */
    private static String count(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(CsvTable.cell(cells.get(i)));
        }
        out.append("\r\n");
    }
}
