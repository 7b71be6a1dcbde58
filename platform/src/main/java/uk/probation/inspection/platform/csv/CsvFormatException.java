package uk.probation.inspection.platform.csv;

/** The text is not well-formed CSV; {@link #line()} says where. */
public class CsvFormatException extends RuntimeException {

    private final int line;

    public CsvFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
