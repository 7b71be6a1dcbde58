package uk.probation.inspection.platform.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Spreadsheet exports often start with a byte-order mark.
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellWasQuoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0 && !cellWasQuoted) {
                quoted = true;
                cellWasQuoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                cellWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                cellWasQuoted = false;
                addRecord(records, lines, record, recordLine);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (cellWasQuoted) {
                throw new CsvFormatException(line, "text after a closing quote");
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new CsvFormatException(recordLine, "a quoted cell is never closed");
        }
        if (cell.length() > 0 || cellWasQuoted || !record.isEmpty()) {
            record.add(cell.toString());
            addRecord(records, lines, record, recordLine);
        }
        if (records.isEmpty()) {
            throw new CsvFormatException(1, "no header row");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                throw new CsvFormatException(1, "column " + (i + 1) + " has no name");
            }
            if (header.indexOf(header.get(i)) != i) {
                throw new CsvFormatException(1, "column '" + header.get(i) + "' appears twice");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() != header.size()) {
                throw new CsvFormatException(lines.get(r),
                        "expected " + header.size() + " cells, found " + cells.size());
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byColumn.put(header.get(i), cells.get(i));
            }
            rows.add(new Row(lines.get(r), Collections.unmodifiableMap(byColumn)));
        }
        return new CsvTable(header, List.copyOf(rows));
    }

    private static void addRecord(List<List<String>> records, List<Integer> lines, List<String> record, int line) {
        boolean blank = record.size() == 1 && record.get(0).isEmpty();
        if (!blank) { // Blank lines (a trailing newline, say) are not rows.
            records.add(record);
            lines.add(line);
        }
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
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean needsQuotes = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || safe.contains(";") || safe.contains("\t");
        return needsQuotes ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
