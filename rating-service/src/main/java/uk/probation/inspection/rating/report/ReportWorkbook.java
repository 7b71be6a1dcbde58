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

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;

/**
 * The data workbook as XLSX (Apache POI): a "Ratings" sheet, an "All cases" sheet and one sheet per breakdown
 * dimension the framework declares, named after it ({@link BreakdownGroups}), with every key question and prompt and
 * its yes, no, not applicable,
 * relevant and percentage, the same figures as the CSV, and a "User Voice" sheet. Every text cell goes through the
 * CSV's formula rule ({@link CsvTable#neutralised}); figures are numeric cells, a withheld one blank.
 */
public final class ReportWorkbook {

    public static final List<String> QUESTION_HEADER = List.of("question_id", "kind", "standard_id", "text", "group",
            "yes", "no", "not_applicable", "relevant", "percentage_yes", "withheld");

    private ReportWorkbook() {
    }

    /**
     * @param texts question id to its wording; {@code keyQuestions} the ids that are key questions (the rest prompts)
     */
    public static byte[] write(InspectionRatings ratings, BreakdownGroups breakdowns,
            Map<String, List<QuestionView>> tallies, Map<String, String> texts, java.util.Set<String> keyQuestions,
            UserVoiceFigures userVoice) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ratingsSheet(book.createSheet("Ratings"), ratings);
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
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel's rules for sheet names (31 characters, no {@code []:*?/\\}), unique in the book. */
    private static String sheetName(Map<String, ?> sheets, String name) {
        String safe = WorkbookUtil.createSafeSheetName(name);
        String unique = safe;
        for (int n = 2; sheets.keySet().stream().anyMatch(unique::equalsIgnoreCase); n++) {
            String suffix = " (" + n + ")";
            unique = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
        }
        return unique;
    }

    private static void ratingsSheet(Sheet sheet, InspectionRatings ratings) {
        row(sheet, 0, "standard_id", "standard", "basis", "rating", "lowest_key_question", "score", "max_score");
        int r = 1;
        for (InspectionRatings.StandardView s : ratings.standards()) {
            row(sheet, r++, s.id(), s.name(), s.basis(), s.rating(), s.lowestKeyQuestion(), null, null);
        }
        row(sheet, r, "overall", "Overall", "", ratings.overall().rating(), null, ratings.overall().score(),
                ratings.overall().maxScore());
    }

    private static void userVoiceSheet(Sheet sheet, UserVoiceFigures uv) {
        row(sheet, 0, "question_id", "option", "text", "yes_or_selected", "answered");
        if (uv == null) {
            return;
        }
        int r = 1;
        row(sheet, r++, "respondents", "", "People on probation who took part", uv.respondents(), null);
        for (UserVoiceFigures.Question q : uv.questions()) {
            row(sheet, r++, q.id(), "", q.text(), q.yes(), q.answered());
        }
        for (UserVoiceFigures.Option o : uv.options()) {
            row(sheet, r++, o.questionId(), o.option(), o.text(), o.selected(), o.answered());
        }
    }

    private static void row(Sheet sheet, int index, Object... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (value != null) {
                row.createCell(i).setCellValue(CsvTable.neutralised(value.toString()));
            }
        }
    }
}
