package uk.probation.inspection.cases.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import uk.probation.inspection.cases.framework.Framework;

/**
 * How far one case's answers have got: per standard with case questions, the key questions and prompts answered out
 * of all of them. A case is finished when every one is answered (NOT_APPLICABLE counts as an answer).
 */
public record CaseProgress(String caseRef, String cohort, boolean youngAdult, List<StandardProgress> standards) {

    public record StandardProgress(String standardId, String name, int answered, int total) {

        public boolean finished() {
            return answered == total;
        }

        public int percentage() {
            return total == 0 ? 100 : Math.round(100f * answered / total);
        }
    }

    /** The standards a case is asked about: every standard with key questions, in framework order. */
    public static List<Framework.Standard> answerable(Framework framework) {
        List<Framework.Standard> standards = new ArrayList<>();
        framework.domains().forEach(d -> d.standards().stream().filter(s -> !s.keyQuestions().isEmpty())
                .forEach(standards::add));
        return standards;
    }

    public static CaseProgress of(Framework framework, String caseRef, String cohort, boolean youngAdult,
            Set<String> answeredQuestions) {
        List<StandardProgress> standards = new ArrayList<>();
        for (Framework.Standard standard : answerable(framework)) {
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
            standards.add(new StandardProgress(standard.id(), standard.name(), answered, total));
        }
        return new CaseProgress(caseRef, cohort, youngAdult, List.copyOf(standards));
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

    /** The list's filters: a cohort (COMMUNITY, RESETTLEMENT, or YOUNG_ADULT for young adults), and not finished. */
    public boolean matches(String cohortFilter, boolean onlyUnfinished) {
        if (onlyUnfinished && finished()) {
            return false;
        }
        if (cohortFilter == null || cohortFilter.isBlank()) {
            return true;
        }
        return "YOUNG_ADULT".equals(cohortFilter) ? youngAdult : cohortFilter.equals(cohort);
    }
}
