package uk.probation.inspection.feedback.ingest;

import java.util.Map;

/** A stored respondent as summaries see it: closed answers only, never free text. */
public record StoredResponse(String respondentId, String channel, Map<String, String> answers) {

    /** The value of a column: the channel, a demographic or a closed question; null when not answered. */
    public String value(String column) {
        return "channel".equals(column) ? channel : answers.get(column);
    }
}
