package uk.probation.inspection.rating.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import uk.probation.inspection.rating.projection.Breakdown.CaseAttributes;
import uk.probation.inspection.rating.rules.StandardResult;

/**
 * What one transaction has already read or locked, so that each further answer in a batch costs two statements.
 * Lives exactly as long as its transaction: nothing here can outlive a rollback.
 */
public final class ApplyContext {

    final Set<UUID> locked = new HashSet<>();
    final Map<String, Optional<CaseAttributes>> cases = new HashMap<>();
    /** Overall yes/no per key question, once read in this transaction (then kept current in memory). */
    final Map<String, int[]> keyQuestionCounts = new HashMap<>();
    final Map<String, StandardResult> standards = new HashMap<>();
    /** ce_time of the event being applied (stamps key-question history, so a rebuild reproduces it). */
    java.time.OffsetDateTime eventTime;

    static String key(UUID inspectionId, String id) {
        return inspectionId + "|" + id;
    }
}
