package uk.probation.inspection.cases.sampling;

import java.util.Iterator;
import java.util.List;

import uk.probation.inspection.cases.sampling.SamplingService.LongListItem;
import uk.probation.inspection.cases.web.CsvInput;
import uk.probation.inspection.platform.csv.CsvTable;

/**
 * A long list sent as CSV: a header naming the JSON fields of a long-list case ({@code caseRef}, {@code officer} and
 * {@code unit} required, the rest optional, nothing else), then one case a row, read as it is asked for. An empty
 * cell is an absent field. Header and CSV syntax problems are {@link CsvInput}'s (400/422 naming line and column).
 */
final class LongListCsv {

    static final List<String> REQUIRED = List.of("caseRef", "officer", "unit");
    static final List<String> OPTIONAL = List.of("gender", "cohort", "roshLevel", "startDate", "exclude",
            "sentenceType", "youngAdult", "ethnicity");

    /** One row: its line in the file (the header is line 1) and the case it holds. */
    record Line(int number, LongListItem item) {
    }

    private LongListCsv() {
    }

    static Iterator<Line> lines(String csv) {
        Iterator<CsvTable.Row> rows = CsvInput.rows(csv, REQUIRED, OPTIONAL);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Line next() {
                CsvTable.Row r = rows.next();
                return new Line(r.line(), new LongListItem(cell(r, "caseRef"), cell(r, "officer"), cell(r, "unit"),
                        cell(r, "gender"), cell(r, "cohort"), cell(r, "roshLevel"), cell(r, "startDate"),
                        cell(r, "exclude"), cell(r, "sentenceType"), cell(r, "youngAdult"), cell(r, "ethnicity")));
            }
        };
    }

    private static String cell(CsvTable.Row row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? null : value;
    }
}
