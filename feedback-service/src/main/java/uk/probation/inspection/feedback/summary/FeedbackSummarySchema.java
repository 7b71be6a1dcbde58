package uk.probation.inspection.feedback.summary;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of {@code GET /inspections/{id}/feedback} for the OpenAPI document: the resource builds it as a map
 * ({@link FeedbackSummariser}, whose keys depend on the template), so this record only describes it. The generated
 * client reads the summary through it (api-client-tests), which is what notices a drift.
 */
@Schema(name = "FeedbackSummary", additionalProperties = Schema.True.class,
        description = "A survey's summary, or with by, its figures per group. Each demographic of the template is one "
                + "more member, named by its id (user-voice-2022: gender, ethnicity) or its total (minorityEthnic). "
                + "A count withheld from viewers (small numbers) is {\"suppressed\": true}; when everything is, only "
                + "templateId, suppressionThreshold and suppressed are sent.")
record FeedbackSummarySchema(
        String inspectionId,
        @Schema(description = "The publication viewers read (absent before the first)") Integer publicationVersion,
        Instant publishedAt,
        String templateId,
        @Schema(description = "Groups smaller than this are withheld from viewers") Integer suppressionThreshold,
        @Schema(description = "True when every figure is withheld") Boolean suppressed,
        @Schema(description = "How many people responded", examples = "96") Integer respondents,
        @Schema(description = "Respondents per channel (SURVEY, INTERVIEW): a count or {\"suppressed\": true}")
        Map<String, Object> channels,
        @Schema(description = "Respondents per gender (user-voice-2022)") Map<String, Object> gender,
        @Schema(description = "Respondents per ethnicity (user-voice-2022)") Map<String, Object> ethnicity,
        @Schema(description = "Respondents of minority ethnic groups (user-voice-2022): a count or {\"suppressed\": true}")
        Object minorityEthnic,
        @Schema(description = "Each yes/no question: yes of answered") Map<String, Figure> questions,
        @Schema(description = "Each option of each multiple-choice question, as question.OPTION: selected of answered")
        Map<String, Figure> options,
        @Schema(description = "The same option figures, by question then option") Map<String, Map<String, Figure>> optionsByQuestion,
        @Schema(description = "With by: the column the figures are grouped by") String by,
        @Schema(description = "With by: each group's respondents and figures") Map<String, Object> groups) {

    @Schema(name = "FeedbackFigure", description = "yes (or selected) of answered; or {\"suppressed\": true} when withheld")
    record Figure(Integer yes, Integer selected, Integer answered, Boolean suppressed) {
    }
}
