package uk.probation.inspection.rating.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.rating.rules.Framework;

/**
 * Everything an inspection report prints: the ratings, question texts, case count, and the question tallies
 * overall and per breakdown group (group id to rows, in framework order; see BreakdownGroups).
 */
public record ReportData(InspectionRatings ratings, Framework framework, long cases,
        Map<String, List<QuestionView>> tallies) {

    public static final String OVERALL = "ALL";

    /** Question id (key question or prompt) to its text. */
    public Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Framework.Standard standard : framework.standards()) {
            for (Framework.KeyQuestion question : standard.keyQuestions()) {
                texts.put(question.id(), question.text());
                question.prompts().forEach(p -> texts.put(p.id(), p.text()));
            }
        }
        return texts;
    }

    /** Printed names of ratings, as reports write them. */
    public static String printed(String rating) {
        return switch (rating) {
            case "OUTSTANDING" -> "Outstanding";
            case "GOOD" -> "Good";
            case "REQUIRES_IMPROVEMENT" -> "Requires improvement";
            case "INADEQUATE" -> "Inadequate";
            case "NOT_APPLICABLE" -> "Not applicable";
            case "NOT_RATED" -> "not rated";
            default -> rating;
        };
    }
}
