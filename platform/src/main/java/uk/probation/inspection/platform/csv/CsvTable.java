package uk.probation.inspection.platform.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An RFC 4180 CSV document with a header row: quoted cells may hold commas, quotes ({@code ""}) and line
 * breaks. Rows keep the line number they started on, so validation errors can name it.
 */
public final class CsvTable {

    /** One data row: its cells by column name, and the physical line it started on (the header is line 1). */
    public record Row(int line, Map<String, String> cells) {

        public String get(String column) {
            return cells.get(column);
        }
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Parses {@code text}.
     *
     * @throws CsvFormatException when the text is empty, a quote is left open, a row has the wrong number of
     *         cells, or a header is blank or repeated
     */
    public static CsvTable parse(String text) {
        CsvReader reader = new CsvReader(text);
        List<Row> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return new CsvTable(reader.header(), List.copyOf(rows));
    }

    /** The header and then the rows of {@code text} one at a time, for uploads that may be large: see {@link CsvReader}. */
    public static CsvReader reader(String text) {
        return new CsvReader(text);
    }

    /**
     * Quotes a value for CSV output and neutralises spreadsheet formulas: a value starting with =, +, -, @, tab or
     * CR gets a leading {@code '}. Values holding a semicolon or tab are quoted too: spreadsheets in locales whose
     * list separator is {@code ;} (or a tab import) would otherwise split {@code a;=1+1} into a formula cell.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = neutralised(value);
        boolean needsQuotes = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || safe.contains(";") || safe.contains("\t");
        return needsQuotes ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /**
     * The formula rule of {@link #cell} alone, for other spreadsheet outputs (the XLSX workbook): a value starting
     * with =, +, -, @, tab or CR gets a leading {@code '}, so no spreadsheet ever takes it for a formula.
     */
    public static String neutralised(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
