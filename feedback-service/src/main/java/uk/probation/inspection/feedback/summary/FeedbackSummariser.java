package uk.probation.inspection.feedback.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import uk.probation.inspection.feedback.ingest.StoredResponse;
import uk.probation.inspection.feedback.template.QuestionType;
import uk.probation.inspection.feedback.template.SurveyTemplate;
import uk.probation.inspection.feedback.template.SurveyTemplate.Demographic;
import uk.probation.inspection.feedback.template.SurveyTemplate.Question;

/**
 * Counts survey answers the way inspection reports quote them: every yes/no question as "yes of answered",
 * every option as "selected of answered", where answered excludes those who left the question empty.
 */
public final class FeedbackSummariser {

    /** A breakdown group for respondents who left the demographic empty. */
    public static final String NOT_STATED = "NOT_STATED";

    private final SurveyTemplate template;

    public FeedbackSummariser(SurveyTemplate template) {
        this.template = template;
    }

    /**
     * {@code respondents}, {@code channels}, one map per demographic (values present, template order), named
     * totals (minorityEthnic), {@code questions}, {@code options} keyed "question.OPTION" and the same options
     * nested in {@code optionsByQuestion}.
     */
    public Map<String, Object> summary(List<StoredResponse> responses) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("templateId", template.id());
        summary.put("respondents", responses.size());
        summary.put("channels", counts(responses, SurveyTemplate.CHANNEL_COLUMN, template.channels()));
        for (Demographic demographic : template.demographics()) {
            summary.put(demographic.id(), counts(responses, demographic.id(), demographic.values()));
            if (demographic.total() != null) {
                long total = responses.stream().map(r -> r.value(demographic.id()))
                        .filter(Objects::nonNull).filter(v -> !demographic.total().excluding().contains(v)).count();
                summary.put(demographic.total().name(), total);
            }
        }
        summary.putAll(figures(responses, Suppression.none()));
        return summary;
    }

    /** Every question's figures per value of {@code column} (the channel or a demographic), suppressed as asked. */
    public Map<String, Object> breakdown(List<StoredResponse> responses, String column, Suppression suppression) {
        List<String> groups = new ArrayList<>(template.valuesOf(column));
        groups.add(NOT_STATED);
        Map<String, Object> byGroup = new LinkedHashMap<>();
        for (String group : groups) {
            List<StoredResponse> members = responses.stream()
                    .filter(r -> group.equals(NOT_STATED) ? r.value(column) == null : group.equals(r.value(column)))
                    .toList();
            if (members.isEmpty()) {
                continue;
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("respondents", suppression.hides(members.size()) ? Suppression.SUPPRESSED : members.size());
            figures.putAll(figures(members, suppression));
            byGroup.put(group, figures);
        }
        Map<String, Object> breakdown = new LinkedHashMap<>();
        breakdown.put("templateId", template.id());
        breakdown.put("by", column);
        breakdown.put("suppressionThreshold", suppression.active() ? suppression.threshold() : null);
        breakdown.put("respondents", responses.size());
        breakdown.put("groups", byGroup);
        return breakdown;
    }

    private Map<String, Object> figures(List<StoredResponse> responses, Suppression suppression) {
        Map<String, Object> questions = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Object> optionsByQuestion = new LinkedHashMap<>();
        for (Question question : template.questions()) {
            QuestionType type = question.questionType();
            List<String> answers = responses.stream().map(r -> r.value(question.id())).filter(Objects::nonNull).toList();
            int answered = answers.size();
            if (type == QuestionType.YES_NO) {
                int yes = (int) answers.stream().filter("YES"::equals).count();
                questions.put(question.id(), suppression.hides(yes, answered) ? Suppression.SUPPRESSED
                        : figure("yes", yes, answered));
            } else if (type.hasOptions()) {
                Map<String, Object> perOption = new LinkedHashMap<>();
                for (String option : question.options()) {
                    int selected = (int) answers.stream().filter(a -> List.of(a.split(";")).contains(option)).count();
                    Object figure = suppression.hides(selected, answered) ? Suppression.SUPPRESSED
                            : figure("selected", selected, answered);
                    options.put(question.id() + "." + option, figure);
                    perOption.put(option, figure);
                }
                optionsByQuestion.put(question.id(), perOption);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("questions", questions);
        figures.put("options", options);
        figures.put("optionsByQuestion", optionsByQuestion);
        return figures;
    }

    private static Map<String, Object> figure(String countName, int count, int answered) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put(countName, count);
        figure.put("answered", answered);
        return figure;
    }

    private static Map<String, Long> counts(List<StoredResponse> responses, String column, List<String> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String value : values) {
            long count = responses.stream().filter(r -> value.equals(r.value(column))).count();
            if (count > 0) {
                counts.put(value, count);
            }
        }
        return counts;
    }
}
