package uk.probation.inspection.feedback.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.probation.inspection.feedback.ingest.StoredResponse;
import uk.probation.inspection.feedback.summary.ComplementarySuppression.Figure;
import uk.probation.inspection.feedback.summary.ComplementarySuppression.Relation;
import uk.probation.inspection.feedback.template.QuestionType;
import uk.probation.inspection.feedback.template.SurveyTemplate;
import uk.probation.inspection.feedback.template.SurveyTemplate.Demographic;
import uk.probation.inspection.feedback.template.SurveyTemplate.Question;

/**
 * What viewers may not see of a set of answers. Fewer respondents than the threshold: nothing at all. Otherwise
 * small headcounts (channel and demographic values, not stated, named totals) and small breakdown figures are
 * withheld together with their complements, so that nothing withheld comes back as the total (which viewers
 * see in the summary) minus what is shown. Summary and breakdowns withhold the same headcounts: a reader
 * combines both.
 */
public final class DisclosureControl {

    private final SurveyTemplate template;
    private final FeedbackSummariser summariser;
    private final int threshold;
    private final ComplementarySuppression headcountRule;
    private final ComplementarySuppression figureRule;

    public DisclosureControl(SurveyTemplate template, int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        this.template = template;
        this.summariser = new FeedbackSummariser(template);
        this.threshold = threshold;
        Suppression primary = new Suppression(threshold);
        this.headcountRule = new ComplementarySuppression(f -> primary.hides(f.count()));
        this.figureRule = new ComplementarySuppression(f -> primary.hides(f.count(), f.base()));
    }

    public Withheld forSummary(List<StoredResponse> responses) {
        if (responses.size() < threshold) {
            return Withheld.everything(threshold);
        }
        Map<String, Set<String>> headcounts = new LinkedHashMap<>();
        for (String column : template.breakdownColumns()) {
            headcounts.put(column, headcounts(responses, column));
        }
        return new Withheld(threshold, false, headcounts, Map.of());
    }

    public Withheld forBreakdown(List<StoredResponse> responses, String column) {
        if (responses.size() < threshold) {
            return Withheld.everything(threshold);
        }
        Set<String> hiddenGroups = headcounts(responses, column);
        Map<String, Map<String, Figure>> byGroup = new LinkedHashMap<>();
        summariser.groups(responses, column).forEach((group, members) -> byGroup.put(group, summariser.figures(members)));
        return new Withheld(threshold, false, Map.of(column, hiddenGroups), figures(byGroup, hiddenGroups));
    }

    /**
     * The column's groups (values that occur and not stated) add up to the respondents; a named total is one
     * more cell that, with the values it excludes, adds up to them too, and is itself the sum of the others.
     */
    Set<String> headcounts(List<StoredResponse> responses, String column) {
        Map<String, Figure> cells = new LinkedHashMap<>();
        summariser.groups(responses, column).forEach((group, members) -> cells.put(group, Figure.headcount(members.size())));
        List<Relation<String>> relations = new ArrayList<>();
        relations.add(Relation.ofShownTotal(new ArrayList<>(cells.keySet())));
        Demographic demographic = template.demographic(column).orElse(null);
        if (demographic != null && demographic.total() != null) {
            int total = FeedbackSummariser.namedTotal(responses, demographic);
            if (total > 0) { // when 0 every value it adds up is 0 as well: nothing to protect
                String key = Withheld.totalKey(demographic.total().name());
                List<String> included = new ArrayList<>();
                List<String> coarse = new ArrayList<>(List.of(key));
                for (String group : cells.keySet()) {
                    boolean outside = group.equals(FeedbackSummariser.NOT_STATED)
                            || demographic.total().excluding().contains(group);
                    (outside ? coarse : included).add(group);
                }
                cells.put(key, Figure.headcount(total));
                relations.add(Relation.ofShownTotal(coarse));
                relations.add(Relation.ofTotalCell(included, key));
            }
        }
        return headcountRule.suppress(cells, Set.of(), relations);
    }

    /**
     * Per figure (question or option), the groups add up to the overall figure. A group whose size is withheld
     * shows no figure either: an "answered" would bound its size. The options of a single-choice question add up
     * to the group's answered, so one withheld option withholds that question's every option in the group.
     */
    private Map<String, Set<String>> figures(Map<String, Map<String, Figure>> byGroup, Set<String> hiddenGroups) {
        List<String> groups = new ArrayList<>(byGroup.keySet());
        List<String> keys = groups.isEmpty() ? List.of() : new ArrayList<>(byGroup.get(groups.get(0)).keySet());
        Map<String, Set<String>> withheld = new LinkedHashMap<>();
        for (String group : groups) {
            withheld.put(group, hiddenGroups.contains(group) ? new LinkedHashSet<>(keys) : new LinkedHashSet<>());
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String key : keys) {
                Map<String, Figure> cells = new LinkedHashMap<>();
                Set<String> already = new LinkedHashSet<>();
                for (String group : groups) {
                    cells.put(group, byGroup.get(group).get(key));
                    if (withheld.get(group).contains(key)) {
                        already.add(group);
                    }
                }
                for (String group : figureRule.suppress(cells, already, List.of(Relation.ofShownTotal(groups)))) {
                    changed |= withheld.get(group).add(key);
                }
            }
            for (Question question : template.questions()) {
                if (question.questionType() != QuestionType.SINGLE_CHOICE) {
                    continue;
                }
                List<String> options = question.options().stream()
                        .map(o -> FeedbackSummariser.optionKey(question, o)).toList();
                for (Set<String> groupWithheld : withheld.values()) {
                    if (options.stream().anyMatch(groupWithheld::contains)) {
                        changed |= groupWithheld.addAll(options);
                    }
                }
            }
        }
        return withheld;
    }
}
