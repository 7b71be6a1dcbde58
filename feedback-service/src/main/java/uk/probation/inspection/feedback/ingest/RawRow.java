package uk.probation.inspection.feedback.ingest;

import java.util.Map;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * One submitted response before validation: from CSV (with its line; cells are strings) or from a JSON array
 * (with its index; cells are strings, arrays of strings or null; no cells at all when the item is not an object).
 */
public record RawRow(Integer line, Integer index, Map<String, Object> cells) {

    public static RawRow csv(int line, Map<String, ? extends Object> cells) {
        return new RawRow(line, null, Map.copyOf(cells));
    }

    public static RawRow json(int index, Map<String, Object> cells) {
        return new RawRow(null, index, cells);
    }

    /** An item of a JSON array that is not an object: it has no cells. */
    public static RawRow notAnObject(int index) {
        return new RawRow(null, index, null);
    }

    /** A problem with this row, located the way its format locates things. */
    public FieldError error(String column, String message) {
        if (line != null) {
            return FieldError.line(line, column, message);
        }
        return FieldError.field("[" + index + "]" + (column == null ? "" : "." + column), message);
    }

    /** "line 7" or "[6]", for messages that refer to another row. */
    public String where() {
        return line != null ? "line " + line : "[" + index + "]";
    }
}
