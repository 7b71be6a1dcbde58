package uk.probation.inspection.cases.narrative;

import uk.probation.inspection.platform.problem.ProblemException;

/**
 * A write of a part of the report text based on a version that is no longer current (If-Match): 409, nothing written,
 * so the writer can read the newer text before deciding. {@code currentVersion} 0: the part was never written.
 */
public class StaleReportTextException extends ProblemException {

    private final int currentVersion;
    private final String recordedBy;

    StaleReportTextException(String part, int currentVersion, String recordedBy, int expected) {
        super(409, "Report text changed by someone else", "The " + part + " text is at version " + currentVersion
                + " (by " + (recordedBy == null ? "nobody" : recordedBy) + "), not " + expected
                + ": someone else saved it since you loaded it", null);
        this.currentVersion = currentVersion;
        this.recordedBy = recordedBy;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
