package uk.probation.inspection.cases.web;

import java.util.ArrayList;
import java.util.List;

import uk.probation.inspection.platform.csv.CsvFormatException;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;

/** Reads an uploaded CSV whose header must be exactly the given columns (in any order). */
public final class CsvInput {

    private CsvInput() {
    }

    /**
     * @throws ProblemException 400 when the text is not CSV, 422 naming every unknown and every missing column
     */
    public static CsvTable parse(String text, List<String> columns) {
        CsvTable table;
        try {
            table = CsvTable.parse(text == null ? "" : text);
        } catch (CsvFormatException e) {
            throw new ProblemException(400, "Malformed CSV", e.getMessage(),
                    List.of(FieldError.line(e.line(), null, e.getMessage())));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String column : table.header()) {
            if (!columns.contains(column)) {
                errors.add(FieldError.line(1, column, "unknown column '" + column + "'; expected " + columns));
            }
        }
        for (String column : columns) {
            if (!table.header().contains(column)) {
                errors.add(FieldError.line(1, column, "missing column '" + column + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The CSV header must be exactly " + String.join(",", columns), errors);
        }
        if (table.rows().isEmpty()) {
            throw ProblemException.invalid("The CSV has no rows", List.of(FieldError.line(1, null, "no data rows")));
        }
        return table;
    }
}
