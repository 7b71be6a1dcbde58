package uk.probation.inspection.feedback.ingest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents one JSON survey response for the OpenAPI document ({@link ResponseBody#json} reads it). */
@Schema(name = "SurveyResponse", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
        description = "One respondent, keyed by the template's columns (user-voice-2022: respondent_id, channel, gender, "
                + "ethnicity, age_band, each question id, comments). Values are strings; a multiple-choice answer is an "
                + "array of options or one ';'-separated string.")
final class SurveyResponseSchema {

    private SurveyResponseSchema() {
    }
}
