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

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;

/** The workbook is formula-safe: hostile text is a text cell with the CSV's leading quote, never a formula. */
class ReportWorkbookTest {

    @Test
    void textThatLooksLikeAFormulaStaysText() throws Exception {
        InspectionRatings ratings = new InspectionRatings("id", "=HYPERLINK(\"http://x\")", "London", "P", "f", false,
                "OPEN", true, null, null, new InspectionRatings.Overall("NOT_RATED", 0, 0),
                List.of(new InspectionRatings.StandardView("2.2", "+cmd|' /C calc'!A0", "CASES", "INADEQUATE", 36,
                        List.of())));
        byte[] book = ReportWorkbook.write(ratings, Map.of("ALL", List.of(new QuestionView("2.2.1", 1, 2, 0, 3, 33))),
                Map.of("2.2.1", "@SUM(A1:A9)"), Set.of("2.2.1"), new UserVoiceFigures("t", 1, Map.of(),
                        List.of(new UserVoiceFigures.Question("q", "-2+3", 1, 1, null)), List.of()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            Sheet standards = workbook.getSheet("Ratings");
            assertEquals(CellType.STRING, standards.getRow(1).getCell(1).getCellType());
            assertEquals("'+cmd|' /C calc'!A0", standards.getRow(1).getCell(1).getStringCellValue());
            Sheet all = workbook.getSheet("All cases");
            assertEquals("'@SUM(A1:A9)", all.getRow(1).getCell(3).getStringCellValue());
            assertEquals(33.0, all.getRow(1).getCell(9).getNumericCellValue(), "figures are numbers");
            assertEquals("'-2+3", workbook.getSheet("User Voice").getRow(2).getCell(2).getStringCellValue());
            assertEquals(List.of("Ratings", "All cases", "Cohort", "Young adults", "User Voice"),
                    List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                            workbook.getSheetName(3), workbook.getSheetName(4)));
        }
    }
}
