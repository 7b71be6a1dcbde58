package uk.probation.inspection.rating.report;

import java.util.List;
import java.util.Map;

/**
 * The User Voice figures feedback-service announced for an inspection (feedback.summarised): respondents by
 * channel, and each yes/no question's and each option's count over those who answered. Null counts were withheld
 * for small numbers (viewers' version). {@code reportPhrase}: the survey template's wording ({@link UserVoiceSentence}),
 * null when it gives none (and in figures stored before it existed).
 */
public record UserVoiceFigures(String templateId, int respondents, Map<String, Integer> channels,
        List<Question> questions, List<Option> options) {

    public record Question(String id, String text, Integer yes, Integer answered, String reportPhrase) {
    }

    public record Option(String questionId, String option, String text, Integer selected, Integer answered,
            String reportPhrase) {
    }
}
