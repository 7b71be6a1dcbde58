package uk.probation.inspection.cases.workspace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/** Maps the API's field names to the workspace's form fields where a form field carries several API values. */
final class WorkspaceFields {

    private static final Pattern PARAGRAPH = Pattern.compile("(strengths|areasForImprovement)\\[(\\d+)]");

    private WorkspaceFields() {
    }

    /** {@code strengths[2]} (one paragraph of a list typed into one text area) becomes {@code strengths}: "paragraph 3 ...". */
    static FieldError narrativeField(FieldError error) {
        Matcher m = error.field() == null ? null : PARAGRAPH.matcher(error.field());
        if (m == null || !m.matches()) {
            return error;
        }
        return FieldError.field(m.group(1), "paragraph " + (Integer.parseInt(m.group(2)) + 1) + " " + error.message());
    }
}
