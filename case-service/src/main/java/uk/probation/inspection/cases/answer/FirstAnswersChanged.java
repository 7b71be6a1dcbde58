package uk.probation.inspection.cases.answer;

import java.util.Set;
import java.util.UUID;

import uk.probation.inspection.cases.inspection.Inspection;

/**
 * Answers of the team (the first reading) changed, in the transaction that changed them: a CDI event, so what depends
 * on first answers (the second reading's agreement) follows without the answer code knowing of it.
 */
public record FirstAnswersChanged(Inspection inspection, Set<UUID> caseIds, Set<String> questionIds) {
}
