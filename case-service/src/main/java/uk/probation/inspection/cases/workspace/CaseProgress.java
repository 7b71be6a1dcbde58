package uk.probation.inspection.cases.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.probation.inspection.cases.framework.Framework;

/**
 * How far one case's answers have got: per standard with case questions, the key questions and prompts answered out
 * of all of them. Only the standards that apply to the case (the framework's {@code appliesTo}) are counted: its
 * answers to the others are refused, so counting them would leave it never finished. A case is finished when every
 * question of those is answered (NOT_APPLICABLE counts as an answer).
 *
 * @param group where the case falls in the list's filter ({@link CaseFilter#describe})
 */
public record CaseProgress(String caseRef, String group, List<StandardProgress> standards) {

    /** {@code applies} false: the standard is not asked of this case, and counts 0 of 0. */
    public record StandardProgress(String standardId, String name, boolean applies, int answered, int total) {

        public boolean finished() {
            return answered == total;
        }

        public int percentage() {
            return total == 0 ? 100 : Math.round(100f * answered / total);
        }
    }

    /** The list's columns: every standard with key questions, in framework order. */
    public static List<Framework.Standard> withCaseQuestions(Framework framework) {
        List<Framework.Standard> standards = new ArrayList<>();
        framework.domains().forEach(d -> d.standards().stream().filter(s -> !s.keyQuestions().isEmpty())
                .forEach(standards::add));
        return standards;
    }

    /** The standards a case is asked about: those with key questions that apply to its attribute values. */
    public static List<Framework.Standard> answerable(Framework framework, Map<String, Object> caseValues) {
        return withCaseQuestions(framework).stream().filter(s -> s.notApplicableBecause(caseValues).isEmpty()).toList();
    }

    public static CaseProgress of(Framework framework, String caseRef, String group, Map<String, Object> caseValues,
            Set<String> answeredQuestions) {
        List<StandardProgress> standards = new ArrayList<>();
        for (Framework.Standard standard : withCaseQuestions(framework)) {
            if (standard.notApplicableBecause(caseValues).isPresent()) {
                standards.add(new StandardProgress(standard.id(), standard.name(), false, 0, 0));
                continue;
            }
            int answered = 0;
            int total = 0;
            for (Framework.KeyQuestion question : standard.keyQuestions()) {
                total++;
                answered += answeredQuestions.contains(question.id()) ? 1 : 0;
                for (Framework.Prompt prompt : question.prompts()) {
                    total++;
                    answered += answeredQuestions.contains(prompt.id()) ? 1 : 0;
                }
            }
            standards.add(new StandardProgress(standard.id(), standard.name(), true, answered, total));
        }
        return new CaseProgress(caseRef, group, List.copyOf(standards));
    }

    public int answered() {
        return standards.stream().mapToInt(StandardProgress::answered).sum();
    }

    public int total() {
        return standards.stream().mapToInt(StandardProgress::total).sum();
    }

    public boolean finished() {
        return answered() == total();
    }
}
