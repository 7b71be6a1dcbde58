package uk.probation.inspection.rating.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised;
import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;

/**
 * The data workbook as XLSX (Apache POI): a "Ratings" sheet (with how sure each case-based band is: settled, the
 * fewest changed answers that move it up or down), a "Key questions" sheet (each key question's yes of relevant and
 * its 95% interval, the ratings API's figures), an "All cases" sheet and one sheet per breakdown dimension the
 * framework declares, named after it ({@link BreakdownGroups}), with every key question and prompt and its yes, no,
 * not applicable, relevant and percentage, the same figures as the CSV, a "User Voice" sheet and an "Agreement" sheet
 * (the second reading's agreement as case-service last summarised it; per inspector and the disagreements only for
 * the team). Every text cell goes through the CSV's formula rule ({@link CsvTable#neutralised}); figures are numeric
 * cells, a withheld or absent one blank; settled is a boolean cell.
 */
public final class ReportWorkbook {

    public static final List<String> QUESTION_HEADER = List.of("question_id", "kind", "standard_id", "text", "group",
            "yes", "no", "not_applicable", "relevant", "percentage_yes", "withheld");

    public static final List<String> RATINGS_HEADER = List.of("standard_id", "standard", "basis", "rating",
            "lowest_key_question", "score", "max_score", "settled", "changes_to_move_up", "changes_to_move_down");

    public static final List<String> KEY_QUESTION_HEADER = List.of("standard_id", "question_id", "text", "yes", "no",
            "not_applicable", "relevant", "percentage_yes", "interval_low", "interval_high");

    public static final List<String> AGREEMENT_HEADER = List.of("kind", "id", "pairs", "agreed", "percentage_agreement",
            "kappa");

    public static final List<String> DISAGREEMENT_HEADER = List.of("case_ref", "question_id", "first_answer", "first_by",
            "second_answer", "second_reader", "outcome", "answer", "reason", "resolved_by");

    private ReportWorkbook() {
    }

    /**
     * @param texts question id to its wording; {@code keyQuestions} the ids that are key questions (the rest prompts)
     */
    public static byte[] write(InspectionRatings ratings, BreakdownGroups breakdowns,
            Map<String, List<QuestionView>> tallies, Map<String, String> texts, java.util.Set<String> keyQuestions,
            UserVoiceFigures userVoice, SecondReadingAgreementSummarised agreement) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ratingsSheet(book.createSheet("Ratings"), ratings);
            keyQuestionsSheet(book.createSheet("Key questions"), ratings);
            Map<String, List<BreakdownGroups.Group>> sheets = new LinkedHashMap<>();
            sheets.put(BreakdownGroups.ALL.dimensionName(), List.of(BreakdownGroups.ALL));
            breakdowns.dimensions().forEach(d -> sheets.put(sheetName(sheets, d.name()), breakdowns.of(d.id())));
            sheets.forEach((name, groups) -> {
                Sheet sheet = book.createSheet(name);
                row(sheet, 0, QUESTION_HEADER.toArray());
                int r = 1;
                for (BreakdownGroups.Group group : groups) {
                    for (QuestionView q : tallies.getOrDefault(group.id(), List.of())) {
                        row(sheet, r++, q.id(), keyQuestions.contains(q.id()) ? "key question" : "prompt",
                                q.id().replaceAll("^(\\d+\\.\\d+)\\..*$", "$1"), texts.getOrDefault(q.id(), ""), group.id(),
                                q.yes(), q.no(), q.notApplicable(), q.relevant(), q.percentage(),
                                q.wasWithheld() ? "small numbers" : "");
                    }
                }
            });
            userVoiceSheet(book.createSheet("User Voice"), userVoice);
            agreementSheet(book.createSheet("Agreement"), agreement);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheets every workbook has besides the breakdowns: a dimension's sheet never takes their names. */
    private static final List<String> FIXED_SHEETS = List.of("Ratings", "Key questions", "User Voice", "Agreement");

    /** Excel's rules for sheet names (31 characters, no {@code []:*?/\\}), unique in the book. */
    private static String sheetName(Map<String, ?> sheets, String name) {
        String safe = WorkbookUtil.createSafeSheetName(name);
        String unique = safe;
        for (int n = 2; java.util.stream.Stream.concat(sheets.keySet().stream(), FIXED_SHEETS.stream())
                .anyMatch(unique::equalsIgnoreCase); n++) {
            String suffix = " (" + n + ")";
            unique = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
        }
        return unique;
    }

    private static void ratingsSheet(Sheet sheet, InspectionRatings ratings) {
        row(sheet, 0, RATINGS_HEADER.toArray());
        int r = 1;
        for (InspectionRatings.StandardView s : ratings.standards()) {
            InspectionRatings.ChangesToMove moves = s.changesToMove();
            row(sheet, r++, s.id(), s.name(), s.basis(), s.rating(), s.lowestKeyQuestion(), null, null, s.settled(),
                    moves == null ? null : moves.up(), moves == null ? null : moves.down());
        }
        row(sheet, r, "overall", "Overall", "", ratings.overall().rating(), null, ratings.overall().score(),
                ratings.overall().maxScore());
    }

    private static void keyQuestionsSheet(Sheet sheet, InspectionRatings ratings) {
        row(sheet, 0, KEY_QUESTION_HEADER.toArray());
        int r = 1;
        for (InspectionRatings.StandardView s : ratings.standards()) {
            for (InspectionRatings.KeyQuestionView q : s.keyQuestions()) {
                InspectionRatings.Interval interval = q.interval();
                row(sheet, r++, s.id(), q.id(), q.text(), q.yes(), q.no(), q.notApplicable(), q.relevant(),
                        q.percentage(), interval == null ? null : interval.low(), interval == null ? null : interval.high());
            }
        }
    }

    private static void userVoiceSheet(Sheet sheet, UserVoiceFigures uv) {
        row(sheet, 0, "question_id", "option", "text", "yes_or_selected", "answered", "report_sentence");
        if (uv == null) {
            return;
        }
        int r = 1;
        row(sheet, r++, "respondents", "", "People on probation who took part", uv.respondents(), null);
        for (UserVoiceFigures.Question q : uv.questions()) {
            row(sheet, r++, q.id(), "", q.text(), q.yes(), q.answered(), UserVoiceSentence.of(q));
        }
        for (UserVoiceFigures.Option o : uv.options()) {
            row(sheet, r++, o.questionId(), o.option(), o.text(), o.selected(), o.answered(), UserVoiceSentence.of(o));
        }
    }

    /**
     * The second reading's agreement: overall, each key question, each inspector (the team's workbook only: a
     * viewer's content has none), then the disagreements with their resolutions (likewise the team's).
     */
    private static void agreementSheet(Sheet sheet, SecondReadingAgreementSummarised agreement) {
        row(sheet, 0, AGREEMENT_HEADER.toArray());
        if (agreement == null) {
            return;
        }
        int r = 1;
        r = figures(sheet, r, "overall", "", agreement.overall());
        for (SecondReadingAgreementSummarised.KeyQuestionFigures q : agreement.keyQuestions()) {
            r = figures(sheet, r, "key question", q.id(), q.agreement());
        }
        for (SecondReadingAgreementSummarised.InspectorFigures i : agreement.inspectors()) {
            r = figures(sheet, r, "inspector", i.inspector(), i.agreement());
        }
        if (agreement.disagreements().isEmpty()) {
            return;
        }
        row(sheet, ++r, DISAGREEMENT_HEADER.toArray());
        for (SecondReadingAgreementSummarised.Disagreement d : agreement.disagreements()) {
            row(sheet, ++r, d.caseRef(), d.questionId(), d.firstAnswer(), d.firstBy(), d.secondAnswer(), d.reader(),
                    d.outcome(), d.answer(), d.reason(), d.resolvedBy());
        }
    }

    private static int figures(Sheet sheet, int r, String kind, String id, SecondReadingAgreementSummarised.Figures f) {
        row(sheet, r, kind, id, f.pairs(), f.agreed(), f.percentage(), f.kappa());
        return r + 1;
    }

    private static void row(Sheet sheet, int index, Object... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (value instanceof Boolean b) {
                row.createCell(i).setCellValue(b);
            } else if (value != null) {
                row.createCell(i).setCellValue(CsvTable.neutralised(value.toString()));
            }
        }
    }
}
