package uk.probation.inspection.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.events.cases.JudgementRecorded;
import uk.probation.inspection.platform.consume.HandlerCoverage;

class HandlerCoverageTest {

    @Test
    void aTypeWithNeitherHandlerNorIgnoreStopsTheStartNamingIt() {
        List<Class<?>> handled = new ArrayList<>(Topics.CASE_EVENTS.types().values());
        assertDoesNotThrow(() -> HandlerCoverage.require("c", Topics.CASE_EVENTS, handled, Set.of()));
        handled.remove(JudgementRecorded.class);
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> HandlerCoverage.require("c", Topics.CASE_EVENTS, handled, Set.of()));
        assertEquals("c has no handler for [judgement.recorded] of case-events: add one, or list the type as ignored",
                missing.getMessage());
        assertDoesNotThrow(() -> HandlerCoverage.require("c", Topics.CASE_EVENTS, handled, Set.of(JudgementRecorded.class)));
        assertThrows(IllegalStateException.class, () -> HandlerCoverage.require("c", Topics.CASE_EVENTS,
                Topics.CASE_EVENTS.types().values(), Set.of(AnswerRecorded.class)), "handled and ignored");
    }
}
