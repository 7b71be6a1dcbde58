package uk.probation.inspection.rating.projection;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import uk.probation.inspection.rating.projection.Breakdown.CaseAttributes;

/**
 * The unit of work of one transaction: what it has read or locked, and the writes it still owes. Events are
 * applied to this in-memory state one by one, in order, exactly as if each had its own statements; the owed
 * writes then go to PostgreSQL as a few set-based statements ({@link ProjectionStore#flush}). Lives exactly as
 * long as its transaction: nothing here can outlive a rollback.
 */
public final class ApplyContext {

    record AnswerKey(UUID inspectionId, String caseRef, String questionId) {
    }

    record CaseKey(UUID inspectionId, String caseRef) {
    }

    record CountKey(UUID inspectionId, String dimension, String value, String questionId) {
    }

    record StoredAnswer(String answer, int version) {
    }

    record HistoryPoint(UUID inspectionId, String questionId, OffsetDateTime at, int yes, int no, Integer percentage) {
    }

    /** Inspections locked by this transaction, with their ratings and overall tallies. */
    final Map<UUID, InspectionState> inspections = new HashMap<>();
    /** Inspections looked for and not found (until an inspection.opened of this transaction creates one). */
    final Set<UUID> unknown = new HashSet<>();
    /** Current answer per key, for every key read or written (written ones also in {@link #changedAnswers}). */
    final Map<AnswerKey, StoredAnswer> answers = new HashMap<>();
    final Set<AnswerKey> changedAnswers = new LinkedHashSet<>();
    final Map<CaseKey, Optional<CaseAttributes>> cases = new HashMap<>();
    /** Owed tally changes {yes, no, notApplicable}, summed per row; a row touched is written even at zero. */
    final Map<CountKey, int[]> countDeltas = new LinkedHashMap<>();
    /** Owed key-question history points, in the order the events made them. */
    final List<HistoryPoint> history = new ArrayList<>();

    /**
     * Per inspection, the trace of this transaction's first event for it (the consumer's span): what a snapshot it
     * marks as owed will carry.
     */
    final Map<UUID, String> traces = new HashMap<>();

    String traceOf(UUID inspectionId) {
        return traces.get(inspectionId);
    }

    boolean owesWrites() {
        return !changedAnswers.isEmpty() || !countDeltas.isEmpty() || !history.isEmpty()
                || inspections.values().stream().anyMatch(InspectionState::owesWrites);
    }

    void written() {
        changedAnswers.clear();
        countDeltas.clear();
        history.clear();
        inspections.values().forEach(InspectionState::written);
    }
}
