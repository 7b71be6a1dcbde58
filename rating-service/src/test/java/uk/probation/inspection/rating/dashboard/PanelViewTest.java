package uk.probation.inspection.rating.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.events.ratings.InspectionRatings.ChangesToMove;
import uk.probation.inspection.events.ratings.InspectionRatings.Interval;
import uk.probation.inspection.events.ratings.InspectionRatings.KeyQuestionView;
import uk.probation.inspection.events.ratings.InspectionRatings.StandardView;
import uk.probation.inspection.rating.rules.Rating;

/** The panel's wording of how sure a rating is, and of each key question's interval. */
class PanelViewTest {

    private static final List<Rating> BANDS = List.of(Rating.OUTSTANDING, Rating.GOOD, Rating.REQUIRES_IMPROVEMENT,
            Rating.INADEQUATE);

    @Test
    void anUnsettledBandNamesBothNeighboursAndTheFewestChanges() {
        StandardView s = standard("GOOD", false, new ChangesToMove(1, 3));
        assertEquals("Not settled: the sample cannot rule out another band; one changed answer from Outstanding,"
                + " 3 changed answers from Requires improvement", PanelView.confidence(s, BANDS));
        PanelView.Row row = PanelView.of(ratings(s), BANDS).rows().get(0);
        assertTrue(row.unsettled());
        assertEquals("Good", row.figure());
    }

    @Test
    void theTopAndBottomBandsHaveOneNeighbour() {
        assertEquals("Settled; 4 changed answers from Good",
                PanelView.confidence(standard("OUTSTANDING", true, new ChangesToMove(null, 4)), BANDS));
        assertEquals("Settled; one changed answer from Requires improvement",
                PanelView.confidence(standard("INADEQUATE", true, new ChangesToMove(1, null)), BANDS));
        assertFalse(PanelView.of(ratings(standard("INADEQUATE", true, new ChangesToMove(1, null))), BANDS).rows()
                .get(0).unsettled());
    }

    @Test
    void nothingToBeSureOfSaysNothing() {
        assertNull(PanelView.confidence(standard("NOT_RATED", null, null), BANDS));
    }

    @Test
    void keyQuestionsShowTheirIntervalOrThatNothingIsRelevant() {
        assertEquals("1 of 2 (50%), 95% interval 9.5–90.5%", PanelView.figure(
                new KeyQuestionView("2.2.1", "t", 1, 1, 0, 2, 50, new Interval(9.5, 90.5))));
        assertEquals("3 of 3 (100%), 95% interval 43.9–100%", PanelView.figure(
                new KeyQuestionView("2.2.1", "t", 3, 0, 0, 3, 100, new Interval(43.9, 100.0))));
        assertEquals("none relevant yet", PanelView.figure(new KeyQuestionView("2.2.1", "t", 0, 0, 4, 0, null)));
    }

    private static StandardView standard(String rating, Boolean settled, ChangesToMove moves) {
        return new StandardView("2.2", "Assessment", "CASES", rating, 50,
                List.of(new KeyQuestionView("2.2.1", "t", 1, 1, 0, 2, 50, new Interval(9.5, 90.5))), settled, moves);
    }

    private static InspectionRatings ratings(StandardView s) {
        return new InspectionRatings("id", "n", "r", "p", "f", false, "OPEN", true, null, null,
                new InspectionRatings.Overall("GOOD", 2, 3), List.of(s));
    }
}
