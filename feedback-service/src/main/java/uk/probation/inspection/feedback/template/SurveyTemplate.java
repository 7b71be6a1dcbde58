package uk.probation.inspection.feedback.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A survey as data: every response has a {@code respondent_id} and a {@code channel} column, then one column
 * per demographic and per question. Instances read from JSON are unchecked until {@link TemplateValidator}
 * accepts them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyTemplate(String id, String title, List<String> channels, List<Demographic> demographics,
        List<Question> questions) {

    public static final String RESPONDENT_COLUMN = "respondent_id";
    public static final String CHANNEL_COLUMN = "channel";

    /** A descriptive column (gender, ethnicity, age band): counted and usable for breakdowns. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Demographic(String id, String text, List<String> values, GroupTotal total) {
    }

    /** A named total over a demographic's values except some, e.g. minority ethnic = all but WHITE and PREFER_NOT_TO_SAY. */
    public record GroupTotal(String name, List<String> excluding) {
    }

    /**
     * One question. {@code when} makes it conditional on an earlier yes/no answer; {@code channels} restricts
     * it to some channels (interview-only); {@code exclusiveOptions} (such as NONE) cannot be combined.
     * {@code reportPhrase} (yes/no questions) and {@code optionPhrases} (choice questions, by option) word the figure
     * in the report: a phrase read after "62 out of 93", or a sentence with {@code {n}}, {@code {m}} and
     * {@code {inFive}} in place of the figures; without one the report prints a plain line.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(String id, String text, String type, List<String> options, List<String> exclusiveOptions,
            Condition when, List<String> channels, String reportPhrase, Map<String, String> optionPhrases) {

        @JsonIgnore
        public QuestionType questionType() {
            return QuestionType.parse(type);
        }

        @JsonIgnore
        public boolean isExclusive(String option) {
            return exclusiveOptions != null && exclusiveOptions.contains(option);
        }

        /** The report's wording of one option's figure, or null. */
        @JsonIgnore
        public String optionPhrase(String option) {
            return optionPhrases == null ? null : optionPhrases.get(option);
        }

        @JsonIgnore
        public boolean askedOn(String channel) {
            return channels == null || channels.contains(channel);
        }
    }

    /** Asked only when {@code question} was answered {@code answer} (YES or NO). */
    public record Condition(String question, String answer) {
    }

    /** Every column a response file must have, in template order. */
    @JsonIgnore
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add(RESPONDENT_COLUMN);
        columns.add(CHANNEL_COLUMN);
        demographics().forEach(d -> columns.add(d.id()));
        questions().forEach(q -> columns.add(q.id()));
        return columns;
    }

    /** Columns a summary may be broken down by: the channel and every demographic. */
    @JsonIgnore
    public List<String> breakdownColumns() {
        List<String> columns = new ArrayList<>();
        columns.add(CHANNEL_COLUMN);
        demographics().forEach(d -> columns.add(d.id()));
        return columns;
    }

    public Optional<Question> question(String questionId) {
        return questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public Optional<Demographic> demographic(String demographicId) {
        return demographics().stream().filter(d -> d.id().equals(demographicId)).findFirst();
    }

    /** Allowed values of the channel column or a demographic. */
    public List<String> valuesOf(String breakdownColumn) {
        if (CHANNEL_COLUMN.equals(breakdownColumn)) {
            return channels();
        }
        return demographic(breakdownColumn).map(Demographic::values).orElse(List.of());
    }
}
