package uk.probation.inspection.rating.projection;

import uk.probation.inspection.events.Topics;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.platform.outbox.OutboxWriter;
import uk.probation.inspection.events.ratings.RatingChanged;
import uk.probation.inspection.rating.rules.OverallResult;
import uk.probation.inspection.rating.rules.Rating;
import uk.probation.inspection.rating.rules.StandardResult;

/** A standard's new result: kept in the inspection's state; a move of its rating re-rates the overall and is announced. */
@ApplicationScoped
public class StandardMoves {

    @Inject
    OutboxWriter outbox;

    /**
     * @param announce whether a move is published as {@code rating.changed} (not during a rebuild, which only
     *        reproduces what was already announced)
     */
    void set(InspectionState state, String standardId, StandardResult result, boolean announce) {
        StandardResult current = state.standards.get(standardId);
        if (result.equals(current)) {
            return;
        }
        state.standards.put(standardId, result);
        state.changedStandards.add(standardId);
        Rating from = current == null ? Rating.NOT_RATED : current.rating();
        if (from == result.rating()) {
            return;
        }
        // A standard that does not count towards the overall (youth resettlement) is rated, but leaves score and maximum.
        Map<String, Rating> ratings = new HashMap<>();
        state.standards.forEach((standard, r) -> ratings.put(standard, r.rating()));
        OverallResult overall = state.framework.overall(ratings);
        Rating overallBefore = state.overallRating();
        state.overall = overall;
        state.overallChanged = true;
        if (!announce) {
            return;
        }
        String id = state.id.toString();
        outbox.append(Topics.RATING_CHANGES, id, new RatingChanged(id, standardId,
                from.name(), result.rating().name(), overall.score(), overall.maxScore(), result.lowestKeyQuestion()));
        if (overallBefore != overall.rating()) {
            outbox.append(Topics.RATING_CHANGES, id, new RatingChanged(id,
                    RatingChanged.OVERALL, overallBefore.name(), overall.rating().name(), overall.score(),
                    overall.maxScore(), null));
        }
    }
}
