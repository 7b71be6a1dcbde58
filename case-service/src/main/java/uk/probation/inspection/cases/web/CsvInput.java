package uk.probation.inspection.cases.web;

import java.util.Iterator;
import java.util.List;

import uk.probation.inspection.platform.csv.CsvFormatException;
import uk.probation.inspection.platform.csv.CsvReader;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.problem.ValidationErrors;

/**
 * Reads an uploaded CSV whose header must be exactly the given columns (in any order). Rows are handed out one at
 * a time as they are read, so that an upload of a million rows is checked without becoming a list of them.
 */
public final class CsvInput {

    private CsvInput() {
    }

    /**
     * The data rows of {@code text}, read as they are asked for; malformed CSV is a 400 when the row is reached.
     *
     * @throws ProblemException 400 when the header is not CSV, 422 naming every unknown and every missing column,
     *         422 when there are no rows
     */
    public static Iterator<CsvTable.Row> rows(String text, List<String> columns) {
        return rows(text, columns, List.of());
    }

    /**
     * As {@link #rows(String, List)}, where the header must hold every one of {@code required} and may hold any of
     * {@code optional} (an absent optional column reads as null), and nothing else.
     */
    public static Iterator<CsvTable.Row> rows(String text, List<String> required, List<String> optional) {
        List<String> columns = new java.util.ArrayList<>(required);
        columns.addAll(optional);
        CsvReader reader;
        try {
            reader = CsvTable.reader(text == null ? "" : text);
        } catch (CsvFormatException e) {
            throw malformed(e);
        }
        ValidationErrors errors = new ValidationErrors(); // a header of 100,000 unknown columns lists 100
        for (String column : reader.header()) {
            if (!columns.contains(column)) {
                errors.add(FieldError.line(1, column, "unknown column '" + column + "'; expected " + columns));
            }
        }
        for (String column : required) {
            if (!reader.header().contains(column)) {
                errors.add(FieldError.line(1, column, "missing column '" + column + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw errors.refuse(optional.isEmpty() ? "The CSV header must be exactly " + String.join(",", columns)
                    : "The CSV header must hold " + String.join(",", required) + " and may hold "
                            + String.join(",", optional));
        }
        if (!hasNext(reader)) {
            throw ProblemException.invalid("The CSV has no rows", List.of(FieldError.line(1, null, "no data rows")));
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return CsvInput.hasNext(reader);
            }

            @Override
            public CsvTable.Row next() {
                try {
                    return reader.next();
                } catch (CsvFormatException e) {
                    throw malformed(e);
                }
            }
        };
    }

    private static boolean hasNext(CsvReader reader) {
        try {
            return reader.hasNext();
        } catch (CsvFormatException e) {
            throw malformed(e);
        }
    }

    private static ProblemException malformed(CsvFormatException e) {
        return new ProblemException(400, "Malformed CSV", e.getMessage(),
                List.of(FieldError.line(e.line(), null, e.getMessage())));
    }
}
