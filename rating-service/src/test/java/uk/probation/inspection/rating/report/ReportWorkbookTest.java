package uk.probation.inspection.rating.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised;
import uk.probation.inspection.rating.rules.Dimension;
import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;

/** The workbook is formula-safe: hostile text is a text cell with the CSV's leading quote, never a formula. */
class ReportWorkbookTest {

    private static SecondReadingAgreementSummarised agreement() {
        SecondReadingAgreementSummarised.Figures half = new SecondReadingAgreementSummarised.Figures(2, 1, 50.0, null);
        return new SecondReadingAgreementSummarised(java.util.UUID.randomUUID(), 1, half,
                List.of(new SecondReadingAgreementSummarised.KeyQuestionFigures("2.2.1", half)),
                List.of(new SecondReadingAgreementSummarised.InspectorFigures("=cmd|' /C calc'!A0", half)),
                List.of(new SecondReadingAgreementSummarised.Disagreement("NEW-001", "2.2.1", "YES", "lena", "NO",
                        "quinn", "KEPT", "YES", "+SUM(1)", "lena")));
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws Exception {
        InspectionRatings ratings = new InspectionRatings("id", "=HYPERLINK(\"http://x\")", "London", "P", "f", false,
                "OPEN", true, null, null, new InspectionRatings.Overall("NOT_RATED", 0, 0),
                List.of(new InspectionRatings.StandardView("2.2", "+cmd|' /C calc'!A0", "CASES", "INADEQUATE", 36,
                        List.of(new InspectionRatings.KeyQuestionView("2.2.1", "=1+1", 1, 2, 0, 3, 33,
                                new InspectionRatings.Interval(6.1, 79.2))), false,
                        new InspectionRatings.ChangesToMove(1, null))));
        byte[] book = ReportWorkbook.write(ratings, BreakdownGroups.of(Dimension.PROBATION, d -> List.of()),
                Map.of("ALL", List.of(new QuestionView("2.2.1", 1, 2, 0, 3, 33))),
                Map.of("2.2.1", "@SUM(A1:A9)"), Set.of("2.2.1"), new UserVoiceFigures("t", 1, Map.of(),
                        List.of(new UserVoiceFigures.Question("q", "-2+3", 1, 1, null)), List.of()), agreement());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            Sheet standards = workbook.getSheet("Ratings");
            assertEquals(CellType.STRING, standards.getRow(1).getCell(1).getCellType());
            assertEquals("'+cmd|' /C calc'!A0", standards.getRow(1).getCell(1).getStringCellValue());
            assertEquals(false, standards.getRow(1).getCell(7).getBooleanCellValue(), "settled");
            assertEquals(1.0, standards.getRow(1).getCell(8).getNumericCellValue(), "changes to move up");
            assertEquals(null, standards.getRow(1).getCell(9), "none down from the bottom band");
            Sheet keyQuestions = workbook.getSheet("Key questions");
            assertEquals("'=1+1", keyQuestions.getRow(1).getCell(2).getStringCellValue());
            assertEquals(6.1, keyQuestions.getRow(1).getCell(8).getNumericCellValue(), "interval low");
            assertEquals(79.2, keyQuestions.getRow(1).getCell(9).getNumericCellValue(), "interval high");
            Sheet all = workbook.getSheet("All cases");
            assertEquals("'@SUM(A1:A9)", all.getRow(1).getCell(3).getStringCellValue());
            assertEquals(33.0, all.getRow(1).getCell(9).getNumericCellValue(), "figures are numbers");
            assertEquals("'-2+3", workbook.getSheet("User Voice").getRow(2).getCell(2).getStringCellValue());
            Sheet agreement = workbook.getSheet("Agreement");
            assertEquals("overall", agreement.getRow(1).getCell(0).getStringCellValue());
            assertEquals(50.0, agreement.getRow(1).getCell(4).getNumericCellValue(), "a percentage is a number");
            assertEquals(null, agreement.getRow(1).getCell(5), "an undefined kappa is blank");
            assertEquals("'=cmd|' /C calc'!A0", agreement.getRow(3).getCell(1).getStringCellValue());
            assertEquals("case_ref", agreement.getRow(5).getCell(0).getStringCellValue());
            assertEquals("'+SUM(1)", agreement.getRow(6).getCell(8).getStringCellValue(), "the reason stays text");
            assertEquals(List.of("Ratings", "Key questions", "All cases", "Cohort", "Young adult (18-24)", "Gender",
                    "Ethnicity", "Risk of serious harm", "User Voice", "Agreement"),
                    java.util.stream.IntStream.range(0, workbook.getNumberOfSheets())
                            .mapToObj(workbook::getSheetName).toList());
        }
    }
}
