package uk.probation.inspection.rating.projection;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.OverallResult;
import uk.probation.inspection.rating.rules.Rating;
import uk.probation.inspection.rating.rules.StandardResult;

/** One inspection as a transaction that holds its row lock sees it: current ratings and overall tallies. */
final class InspectionState {

    final UUID id;
    final Framework framework;
    OverallResult overall;
    final Map<String, StandardResult> standards = new HashMap<>();
    /** Overall {yes, no} per question (the ALL/ALL tally). */
    final Map<String, int[]> overallCounts = new HashMap<>();
    final Set<String> changedStandards = new LinkedHashSet<>();
    boolean overallChanged;

    InspectionState(UUID id, Framework framework, OverallResult overall) {
        this.id = id;
        this.framework = framework;
        this.overall = overall;
    }

    int[] counts(String questionId) {
        return overallCounts.computeIfAbsent(questionId, q -> new int[2]);
    }

    Rating overallRating() {
        return overall.rating();
    }

    boolean owesWrites() {
        return overallChanged || !changedStandards.isEmpty();
    }

    void written() {
        overallChanged = false;
        changedStandards.clear();
    }
}
