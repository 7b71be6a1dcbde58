package uk.probation.inspection.cases.secondreading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.secondreading.SecondReadingService.KeyQuestion;

/** The key questions a second reading answers: those of case-rated standards, in the framework's order. */
final class KeyQuestions {

    private KeyQuestions() {
    }

    static List<KeyQuestion> all(Framework framework) {
        return of(framework, null);
    }

    /** Those whose standard applies to a case with these attribute values (its appliesTo), as for a first answer. */
    static List<KeyQuestion> applicableTo(Framework framework, Map<String, Object> caseValues) {
        return of(framework, caseValues);
    }

    private static List<KeyQuestion> of(Framework framework, Map<String, Object> caseValues) {
        List<KeyQuestion> questions = new ArrayList<>();
        for (Framework.Domain d : framework.domains()) {
            for (Framework.Standard s : d.standards()) {
                if ("CASES".equals(s.basis()) && (caseValues == null || s.notApplicableBecause(caseValues).isEmpty())) {
                    s.keyQuestions().forEach(q -> questions.add(new KeyQuestion(q.id(), q.text())));
                }
            }
        }
        return questions;
    }
}
