package uk.probation.inspection.cases.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.probation.inspection.platform.problem.Problem;
import uk.probation.inspection.platform.problem.ProblemException;

/**
 * The narrative API's field names ({@code cohortSections[0].paragraphs[2]}, {@code recommendations[1].text}) as the
 * report-text forms' fields, ids and messages: item i of a list is the page's row i + 1, paragraph k of a text area
 * is "paragraph k + 1". A problem without field errors (403, 409) is one line linking to the form's first field.
 */
final class ReportTextErrors {

    private static final Pattern PARAGRAPH = Pattern.compile("(strengths|areasForImprovement|paragraphs)(?:\\[(\\d+)])?");
    private static final Pattern SECTION = Pattern.compile("cohortSections\\[(\\d+)]\\.(title|paragraphs)(?:\\[(\\d+)])?");
    private static final Pattern RECOMMENDATION = Pattern.compile("recommendations\\[(\\d+)]\\.(addressee|text)");

    private ReportTextErrors() {
    }

    static FormErrors narrative(ProblemException e, String prefix) {
        return of(e, prefix + "-strengths", error -> {
            Matcher s = SECTION.matcher(error.field());
            if (s.matches()) {
                int row = Integer.parseInt(s.group(1)) + 1;
                boolean title = s.group(2).equals("title");
                String field = "section-" + row + (title ? "-title" : "-text");
                return new FormErrors.Item(field, prefix + "-" + field, "Cohort section " + row + (title ? " title " : " text ")
                        + paragraph(s.group(3)) + error.message());
            }
            Matcher p = PARAGRAPH.matcher(error.field());
            if (p.matches() && !p.group(1).equals("paragraphs")) {
                boolean strengths = p.group(1).equals("strengths");
                return new FormErrors.Item(p.group(1), prefix + (strengths ? "-strengths" : "-areas"),
                        (strengths ? "Strengths " : "Areas for improvement ") + paragraph(p.group(2)) + error.message());
            }
            if (error.field().equals("cohortSections")) {
                return new FormErrors.Item("section-1-title", prefix + "-section-1-title", "Cohort sections: " + error.message());
            }
            return null;
        });
    }

    static FormErrors recommendations(ProblemException e) {
        return of(e, "rec-1-addressee", error -> {
            Matcher r = RECOMMENDATION.matcher(error.field());
            if (r.matches()) {
                int row = Integer.parseInt(r.group(1)) + 1;
                String field = "rec-" + row + "-" + r.group(2);
                return new FormErrors.Item(field, field, "Recommendation " + row + " " + r.group(2) + " " + error.message());
            }
            return null;
        });
    }

    static FormErrors background(ProblemException e) {
        return of(e, "interviews-held", error -> switch (error.field()) {
            case "interviewsHeld" -> new FormErrors.Item("interviewsHeld", "interviews-held", "Interviews held " + error.message());
            case "meetingsHeld" -> new FormErrors.Item("meetingsHeld", "meetings-held", "Meetings held " + error.message());
            default -> {
                Matcher p = PARAGRAPH.matcher(error.field());
                yield p.matches() && p.group(1).equals("paragraphs") ? new FormErrors.Item("paragraphs",
                        "background-paragraphs", "Background " + paragraph(p.group(2)) + error.message()) : null;
            }
        });
    }

    private static String paragraph(String index) {
        return index == null ? "" : "paragraph " + (Integer.parseInt(index) + 1) + " ";
    }

    private static FormErrors of(ProblemException e, String fallbackId,
            java.util.function.Function<Problem.FieldError, FormErrors.Item> mapping) {
        Problem problem = e.toProblem();
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return FormErrors.of(problem, java.util.Map.of(), fallbackId);
        }
        List<FormErrors.Item> items = new ArrayList<>();
        for (Problem.FieldError error : problem.errors()) {
            FormErrors.Item item = error.field() == null ? null : mapping.apply(error);
            items.add(item != null ? item : new FormErrors.Item(error.field() == null ? "" : error.field(), fallbackId,
                    (error.field() == null ? "" : error.field() + " ") + error.message()));
        }
        return new FormErrors("There is a problem", List.copyOf(items));
    }
}
