package uk.probation.inspection.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.probation.inspection.events.feedback.FeedbackSummarised;

/** The report phrase of feedback.summarised's figures is optional when read: events written before it still decode. */
class FeedbackReportPhraseTest {

    static JsonNode example() throws Exception {
        return ContractTest.read(ContractTest.schemaOf(Topics.FEEDBACK_EVENTS, "feedback.summarised")).path("examples")
                .get(0);
    }

    @Test
    void anEventWithoutPhrasesStillDecodesAndEncodesBackWithout() throws Exception {
        ObjectNode old = example().deepCopy();
        ((ObjectNode) old.path("questions").get(0)).remove("reportPhrase");
        ((ObjectNode) old.path("options").get(0)).remove("reportPhrase");

        FeedbackSummarised decoded = (FeedbackSummarised) EventCodec.decode(Topics.FEEDBACK_EVENTS,
                "feedback.summarised", old.toString());
        assertNull(decoded.questions().get(0).reportPhrase());
        assertNull(decoded.options().get(0).reportPhrase());
        assertEquals(old, EventCodec.mapper().readTree(EventCodec.encode(decoded)), "absent stays absent");
    }

    @Test
    void aPhraseIsCarried() throws Exception {
        FeedbackSummarised decoded = (FeedbackSummarised) EventCodec.decode(Topics.FEEDBACK_EVENTS,
                "feedback.summarised", example().toString());
        assertEquals("were happy with the overall support they received", decoded.questions().get(0).reportPhrase());
        assertEquals("{n} of {m} raised appointments as an issue", decoded.options().get(0).reportPhrase());
    }

    @Test
    void aMistypedPhraseIsStillRefused() throws Exception {
        ObjectNode bad = example().deepCopy();
        ((ObjectNode) bad.path("questions").get(0)).put("reportPhrase", 5);
        assertThrows(UndecodableEventException.class,
                () -> EventCodec.decode(Topics.FEEDBACK_EVENTS, "feedback.summarised", bad.toString()));
    }
}
