package uk.probation.inspection.rating.projection;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import uk.probation.inspection.events.cases.AnswerRecorded;

/**
 * A validated {@code answer.recorded} event, as the projection applies it; {@code time} is its ce_time (stamps
 * key-question history), {@code traceparent} the span of its processing (its rating.changed events carry it).
 */
record AnswerChange(UUID inspectionId, String caseRef, String questionId, String answer, int version,
        OffsetDateTime time, String traceparent) {

    private static final Set<String> ANSWERS = Set.of("YES", "NO", "NOT_APPLICABLE");

    static AnswerChange of(AnswerRecorded event, OffsetDateTime time, String traceparent) {
        if (!ANSWERS.contains(event.answer())) {
            throw new BadEventException("unknown answer '" + event.answer() + "'");
        }
        if (event.version() < 1) {
            throw new BadEventException("version " + event.version() + " is not a version");
        }
        return new AnswerChange(event.inspectionId(), event.caseRef(), event.questionId(), event.answer(),
                event.version(), time, traceparent);
    }

    ApplyContext.AnswerKey key() {
        return new ApplyContext.AnswerKey(inspectionId, caseRef, questionId);
    }

    ApplyContext.CaseKey caseKey() {
        return new ApplyContext.CaseKey(inspectionId, caseRef);
    }
}
