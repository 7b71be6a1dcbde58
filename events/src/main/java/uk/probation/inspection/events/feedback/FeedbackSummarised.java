package uk.probation.inspection.events.feedback;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;

import uk.probation.inspection.events.EventType;

/**
 * The User Voice figures of one inspection and survey template, for the report: after every accepted file the team's
 * live figures ({@code publicationVersion} null), and when a publication is frozen the figures of that version as
 * viewers get them (counts null where withheld for small numbers). Figures only: never comments or a respondent's
 * answers. Internal (it carries unpublished figures): read by rating-service, which renders the report.
 */
@EventType("feedback.summarised")
public record FeedbackSummarised(String inspectionId, String templateId, Integer publicationVersion, int respondents,
        Map<String, Integer> channels, List<QuestionFigure> questions, List<OptionFigure> options)
        implements FeedbackEvent {

    /**
     * A yes/no question: {@code yes} out of {@code answered} ("62 out of 93"). {@code reportPhrase}: the survey
     * template's wording for the report ("were happy with the overall support they received"), absent when it has
     * none; optional when read, so events written before it existed still decode.
     */
    public record QuestionFigure(String id, String text, Integer yes, Integer answered,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JacksonInject(value = "reportPhrase", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
            String reportPhrase) {

        public QuestionFigure(String id, String text, Integer yes, Integer answered) {
            this(id, text, yes, answered, null);
        }
    }

    /** An option of a choice question: {@code selected} out of {@code answered} ("28 out of 94"); phrase as above. */
    public record OptionFigure(String questionId, String option, String text, Integer selected, Integer answered,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JacksonInject(value = "reportPhrase", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
            String reportPhrase) {

        public OptionFigure(String questionId, String option, String text, Integer selected, Integer answered) {
            this(questionId, option, text, selected, answered, null);
        }
    }
}
