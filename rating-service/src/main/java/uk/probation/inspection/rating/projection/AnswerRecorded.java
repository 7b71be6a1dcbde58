package uk.probation.inspection.rating.projection;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A validated {@code answer.recorded} event; {@code time} is its ce_time (stamps key-question history). */
record AnswerRecorded(UUID inspectionId, String caseRef, String questionId, String answer, int version,
        OffsetDateTime time) {

    private static final Set<String> ANSWERS = Set.of("YES", "NO", "NOT_APPLICABLE");

    static AnswerRecorded of(JsonNode data, OffsetDateTime time) {
        String answer = EventFields.text(data, "answer");
        if (!ANSWERS.contains(answer)) {
            throw new BadEventException("unknown answer '" + answer + "'");
        }
        return new AnswerRecorded(EventFields.uuid(data, "inspectionId"), EventFields.text(data, "caseRef"),
                EventFields.text(data, "questionId"), answer, EventFields.integer(data, "version"), time);
    }

    ApplyContext.AnswerKey key() {
        return new ApplyContext.AnswerKey(inspectionId, caseRef, questionId);
    }

    ApplyContext.CaseKey caseKey() {
        return new ApplyContext.CaseKey(inspectionId, caseRef);
    }
}
