package uk.probation.inspection.feedback.ingest;

import java.util.Map;

/**
 * One respondent's validated answers: {@code answers} holds demographics and closed questions (multiple
 * choice as options joined by ';' in template order), {@code freeText} the personal-data free text. Not
 * answered = absent.
 */
public record Respondent(String id, String channel, Map<String, String> answers, Map<String, String> freeText) {
}
