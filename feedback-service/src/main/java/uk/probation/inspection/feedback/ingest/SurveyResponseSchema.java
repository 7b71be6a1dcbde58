package uk.probation.inspection.feedback.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents one JSON survey response for the OpenAPI document ({@link ResponseBody#json} reads it). */
@Schema(name = "SurveyResponse", additionalProperties = Schema.True.class, requiredProperties = { "respondent_id", "channel" },
        description = "One respondent, keyed by the template's columns (user-voice-2022: respondent_id, channel, gender, "
                + "ethnicity, age_band, each question id, comments). Values are strings; a multiple-choice answer is an "
                + "array of options or one ';'-separated string.")
record SurveyResponseSchema(
        @Schema(description = "The respondent's id in User Voice's system; sent again, it replaces their answers",
                examples = "UV-001") String respondent_id,
        @Schema(description = "How the answers were collected, one of the template's channels", examples = "SURVEY")
        String channel) {
}
