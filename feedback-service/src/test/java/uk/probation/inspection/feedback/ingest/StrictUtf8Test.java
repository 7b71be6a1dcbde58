package uk.probation.inspection.feedback.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.platform.problem.ProblemException;

class StrictUtf8Test {

    @Test
    void decodesUtf8() {
        assertEquals("a,é\n", StrictUtf8.decode("a,é\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void latin1IsRefusedWithLineAndOffset() {
        byte[] latin1 = "h1,h2\nx,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        ProblemException e = assertThrows(ProblemException.class, () -> StrictUtf8.decode(latin1));
        assertEquals(422, e.status());
        assertEquals(2, e.toProblem().errors().get(0).line());
        assertTrue(e.toProblem().errors().get(0).message().contains("byte 0xE9 at offset 11"),
                e.toProblem().errors().get(0).message());
    }

    @Test
    void truncatedSequenceAtTheEndIsRefused() {
        byte[] truncated = { 'a', (byte) 0xC3 };
        assertThrows(ProblemException.class, () -> StrictUtf8.decode(truncated));
    }
}
