package uk.probation.inspection.platform.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads an RFC 4180 CSV document with a header row one row at a time, as the rows are asked for: a 4 MB upload of
 * a million short rows never becomes a million row objects at once. Same rules as {@link CsvTable#parse}; a
 * malformed row throws {@link CsvFormatException} when it is reached.
 */
public final class CsvReader implements Iterator<CsvTable.Row> {

    private final String text;
    private final List<String> header;
    private int pos;
    private int line = 1;
    private List<String> pending;
    private int pendingLine;

    /**
     * Reads the header row of {@code text}.
     *
     * @throws CsvFormatException when the text is empty or a header is blank, repeated or malformed
     */
    public CsvReader(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text; // spreadsheet exports often start with a BOM
        List<String> first = nextRecord();
        if (first == null) {
            throw new CsvFormatException(1, "no header row");
        }
        this.header = first.stream().map(String::trim).toList();
        java.util.Set<String> names = new java.util.HashSet<>(); // a set: a header may have 100,000 columns
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                throw new CsvFormatException(1, "column " + (i + 1) + " has no name");
            }
            if (!names.add(header.get(i))) {
                throw new CsvFormatException(1, "column '" + header.get(i) + "' appears twice");
            }
        }
    }

    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = nextRecord();
        }
        return pending != null;
    }

    @Override
    public CsvTable.Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> cells = pending;
        pending = null;
        if (cells.size() != header.size()) {
            throw new CsvFormatException(pendingLine, "expected " + header.size() + " cells, found " + cells.size());
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byColumn.put(header.get(i), cells.get(i));
        }
        return new CsvTable.Row(pendingLine, Collections.unmodifiableMap(byColumn));
    }

    /** The next non-blank record and the line it starts on ({@link #pendingLine}), or null at the end. */
    private List<String> nextRecord() {
        while (pos < text.length()) {
            int start = line;
            List<String> record = readRecord();
            boolean blank = record.size() == 1 && record.get(0).isEmpty();
            if (!blank) { // blank lines (a trailing newline, say) are not rows
                pendingLine = start;
                return record;
            }
        }
        return null;
    }

    private List<String> readRecord() {
        int recordLine = line;
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellWasQuoted = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (quoted) {
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        cell.append('"');
                        pos++;
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
                if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                record.add(cell.toString());
                line++;
                return record;
            } else if (cellWasQuoted) {
                throw new CsvFormatException(line, "text after a closing quote");
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new CsvFormatException(recordLine, "a quoted cell is never closed");
        }
        record.add(cell.toString());
        return record;
    }
}
