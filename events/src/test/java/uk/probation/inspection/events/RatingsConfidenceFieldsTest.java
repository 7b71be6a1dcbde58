package uk.probation.inspection.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.events.ratings.RatingSnapshot;

/** The confidence fields of the ratings body are optional when read: snapshots written before them still decode. */
class RatingsConfidenceFieldsTest {

    @Test
    void aSnapshotWithoutConfidenceStillDecodesAndOneWithItRoundTrips() throws Exception {
        JsonNode example = ContractTest.read(ContractTest.schemaOf(Topics.INSPECTION_RATINGS, "rating.snapshot"))
                .path("examples").get(0);
        ObjectNode old = example.deepCopy();
        ObjectNode standard = (ObjectNode) old.path("standards").get(0);
        standard.remove("settled");
        standard.remove("changesToMove");
        ((ObjectNode) standard.path("keyQuestions").get(0)).remove("interval");

        InspectionRatings decoded = ((RatingSnapshot) EventCodec.decode(Topics.INSPECTION_RATINGS, "rating.snapshot",
                old.toString())).ratings();
        assertNull(decoded.standards().get(0).settled());
        assertNull(decoded.standards().get(0).changesToMove());
        assertNull(decoded.standards().get(0).keyQuestions().get(0).interval());
        assertEquals(old, EventCodec.mapper().readTree(EventCodec.encode(RatingSnapshot.of(decoded))), "absent stays absent");

        InspectionRatings full = ((RatingSnapshot) EventCodec.decode(Topics.INSPECTION_RATINGS, "rating.snapshot",
                example.toString())).ratings();
        assertFalse(full.standards().get(0).settled());
        assertEquals(46.6, full.standards().get(0).keyQuestions().get(0).interval().low());
    }

    @Test
    void aMistypedConfidenceFieldIsStillRefused() throws Exception {
        String bad = ContractTest.read(ContractTest.schemaOf(Topics.INSPECTION_RATINGS, "rating.snapshot"))
                .path("examples").get(0).toString().replace("\"settled\":false", "\"settled\":\"no\"");
        assertThrows(UndecodableEventException.class,
                () -> EventCodec.decode(Topics.INSPECTION_RATINGS, "rating.snapshot", bad));
    }
}
