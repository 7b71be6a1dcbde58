package uk.probation.inspection.platform.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String SENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidHeaderIsContinuedInAChildSpan() {
        TraceParent child = TraceParent.continueOrStart(SENT);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", child.traceId());
        assertNotEquals("00f067aa0ba902b7", child.spanId());
        assertEquals("01", child.flags());
        assertTrue(TraceParent.parse(child.header()).isPresent());
    }

    @Test
    void invalidHeadersStartANewTrace() {
        for (String bad : new String[] {null, "", "garbage", SENT.toUpperCase(), "ff" + SENT.substring(2),
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", SENT + "-extra", "x".repeat(10_000)}) {
            assertTrue(TraceParent.parse(bad).isEmpty(), bad);
            TraceParent fresh = TraceParent.continueOrStart(bad);
            assertNotEquals("4bf92f3577b34da6a3ce929d0e0e4736", fresh.traceId());
            assertTrue(TraceParent.parse(fresh.header()).isPresent());
        }
    }

    @Test
    void aLaterVersionMayCarryMoreFields() {
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736",
                TraceParent.parse("01" + SENT.substring(2) + "-what-comes-next").orElseThrow().traceId());
    }

    @Test
    void scopesRestoreWhatWasCurrent() {
        TraceParent outer = TraceParent.newTrace();
        try (Traces.Scope a = Traces.enter(outer)) {
            try (Traces.Scope b = Traces.continuing(SENT)) {
                assertTrue(Traces.current().contains("4bf92f3577b34da6a3ce929d0e0e4736"));
            }
            assertEquals(outer.header(), Traces.current());
            try (Traces.Scope c = Traces.continuing(null)) {
                assertNull(Traces.current());
            }
            assertEquals(outer.header(), Traces.current());
        }
        assertNull(Traces.current());
    }
}
