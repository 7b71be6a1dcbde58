package uk.probation.inspection.feedback.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import uk.probation.inspection.feedback.ingest.StoredResponse;
import uk.probation.inspection.feedback.summary.ComplementarySuppression.Figure;
import uk.probation.inspection.feedback.template.QuestionType;
import uk.probation.inspection.feedback.template.SurveyTemplate;
import uk.probation.inspection.feedback.template.SurveyTemplate.Demographic;
import uk.probation.inspection.feedback.template.SurveyTemplate.Question;

/**
 * Counts survey answers the way inspection reports quote them: every yes/no question as "yes of answered",
 * every option as "selected of answered", where answered excludes those who left the question empty; and
 * renders them with whatever a {@link Withheld} says the reader may not see replaced by {"suppressed": true}.
 */
public final class FeedbackSummariser {

    /** A breakdown group for respondents who left the demographic empty. */
    public static final String NOT_STATED = "NOT_STATED";

    private final SurveyTemplate template;

    public FeedbackSummariser(SurveyTemplate template) {
        this.template = template;
    }

    /** The team's summary: every number. */
    public Map<String, Object> summary(List<StoredResponse> responses) {
        return summary(responses, Withheld.nothing());
    }

    /**
     * {@code respondents}, {@code channels}, one map per demographic (values present, template order), named
     * totals (minorityEthnic), {@code questions}, {@code options} keyed "question.OPTION" and the same options
     * nested in {@code optionsByQuestion}. Question figures are those the published report prints: never withheld
     * unless everything is.
     */
    public Map<String, Object> summary(List<StoredResponse> responses, Withheld withheld) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("templateId", template.id());
        summary.put("suppressionThreshold", withheld.threshold());
        if (withheld.everything()) {
            summary.put("suppressed", true);
            return summary;
        }
        summary.put("respondents", responses.size());
        summary.put("channels", headcountMap(responses, SurveyTemplate.CHANNEL_COLUMN, withheld));
        for (Demographic demographic : template.demographics()) {
            summary.put(demographic.id(), headcountMap(responses, demographic.id(), withheld));
            if (demographic.total() != null) {
                String name = demographic.total().name();
                boolean hidden = withheld.headcount(demographic.id(), Withheld.totalKey(name));
                summary.put(name, hidden ? Suppression.SUPPRESSED : namedTotal(responses, demographic));
            }
        }
        summary.putAll(render(figures(responses), key -> false));
        return summary;
    }

    /** Every question's figures per value of {@code column} (the channel or a demographic), withheld as told. */
    public Map<String, Object> breakdown(List<StoredResponse> responses, String column, Withheld withheld) {
        Map<String, Object> breakdown = new LinkedHashMap<>();
        breakdown.put("templateId", template.id());
        breakdown.put("by", column);
        breakdown.put("suppressionThreshold", withheld.threshold());
        if (withheld.everything()) {
            breakdown.put("suppressed", true);
            return breakdown;
        }
        Map<String, Object> byGroup = new LinkedHashMap<>();
        groups(responses, column).forEach((group, members) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("respondents", withheld.headcount(column, group) ? Suppression.SUPPRESSED : members.size());
            figures.putAll(render(figures(members), key -> withheld.figure(group, key)));
            byGroup.put(group, figures);
        });
        breakdown.put("respondents", responses.size());
        breakdown.put("groups", byGroup);
        return breakdown;
    }

    /** The respondents of each value of {@code column} that has any, in template order, then {@link #NOT_STATED}. */
    public Map<String, List<StoredResponse>> groups(List<StoredResponse> responses, String column) {
        Map<String, List<StoredResponse>> groups = new LinkedHashMap<>();
        for (String value : template.valuesOf(column)) {
            List<StoredResponse> members = responses.stream().filter(r -> value.equals(r.value(column))).toList();
            if (!members.isEmpty()) {
                groups.put(value, members);
            }
        }
        List<StoredResponse> notStated = responses.stream().filter(r -> r.value(column) == null).toList();
        if (!notStated.isEmpty()) {
            groups.put(NOT_STATED, notStated);
        }
        return groups;
    }

    /** Respondents whose value of the demographic counts towards its named total (minority ethnic). */
    public static int namedTotal(List<StoredResponse> responses, Demographic demographic) {
        return (int) responses.stream().map(r -> r.value(demographic.id())).filter(Objects::nonNull)
                .filter(v -> !demographic.total().excluding().contains(v)).count();
    }

    /** Every yes/no question's figure keyed by its id, every option's keyed "question.OPTION", in template order. */
    public Map<String, Figure> figures(List<StoredResponse> responses) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Question question : template.questions()) {
            QuestionType type = question.questionType();
            List<String> answers = responses.stream().map(r -> r.value(question.id())).filter(Objects::nonNull).toList();
            if (type == QuestionType.YES_NO) {
                figures.put(question.id(), new Figure((int) answers.stream().filter("YES"::equals).count(), answers.size()));
            } else if (type.hasOptions()) {
                for (String option : question.options()) {
                    int selected = (int) answers.stream().filter(a -> List.of(a.split(";")).contains(option)).count();
                    figures.put(optionKey(question, option), new Figure(selected, answers.size()));
                }
            }
        }
        return figures;
    }

    public static String optionKey(Question question, String option) {
        return question.id() + "." + option;
    }

    private Map<String, Object> render(Map<String, Figure> figures, Predicate<String> withheld) {
        Map<String, Object> questions = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Object> optionsByQuestion = new LinkedHashMap<>();
        for (Question question : template.questions()) {
            QuestionType type = question.questionType();
            if (type == QuestionType.YES_NO) {
                questions.put(question.id(), withheld.test(question.id()) ? Suppression.SUPPRESSED
                        : figure("yes", figures.get(question.id())));
            } else if (type.hasOptions()) {
                Map<String, Object> perOption = new LinkedHashMap<>();
                for (String option : question.options()) {
                    String key = optionKey(question, option);
                    Object figure = withheld.test(key) ? Suppression.SUPPRESSED : figure("selected", figures.get(key));
                    options.put(key, figure);
                    perOption.put(option, figure);
                }
                optionsByQuestion.put(question.id(), perOption);
            }
        }
        Map<String, Object> rendered = new LinkedHashMap<>();
        rendered.put("questions", questions);
        rendered.put("options", options);
        rendered.put("optionsByQuestion", optionsByQuestion);
        return rendered;
    }

    private static Map<String, Object> figure(String countName, Figure figure) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        rendered.put(countName, figure.count());
        rendered.put("answered", figure.base());
        return rendered;
    }

    /** Values that occur, in template order; a withheld one as {"suppressed": true}. */
    private Map<String, Object> headcountMap(List<StoredResponse> responses, String column, Withheld withheld) {
        Map<String, Object> counts = new LinkedHashMap<>();
        groups(responses, column).forEach((value, members) -> {
            if (!value.equals(NOT_STATED)) {
                counts.put(value, withheld.headcount(column, value) ? Suppression.SUPPRESSED : (long) members.size());
            }
        });
        return counts;
    }
}
