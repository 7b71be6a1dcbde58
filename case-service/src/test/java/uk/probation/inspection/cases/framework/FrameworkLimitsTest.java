package uk.probation.inspection.cases.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.support.TestFrameworks;
import uk.probation.inspection.platform.problem.Problem.FieldError;

/** A framework's size is bounded far below what Kafka takes in one record (inspection.opened carries it whole). */
class FrameworkLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static long bytes(Framework framework) throws Exception {
        return JSON.writeValueAsBytes(framework).length;
    }

    @Test
    void theBuiltInFrameworkIsWellWithinTheLimits() throws Exception {
        Framework builtIn = FrameworkValidatorTest.builtIn();
        assertEquals(List.of(), FrameworkLimits.exceeded(builtIn, bytes(builtIn)));
        assertTrue(bytes(builtIn) * 10 < FrameworkLimits.MAX_JSON_BYTES, "room for frameworks ten times its size");
    }

    @Test
    void theLimitsAreWellBelowTheBrokersDefaultMaximumRecord() {
        assertTrue(FrameworkLimits.MAX_JSON_BYTES * 3 < 1_048_576, "an inspection.opened is far below 1 MB");
    }

    @Test
    void everyCountOverItsLimitIsNamed() throws Exception {
        Framework tooMany = TestFrameworks.sized("too-many", 21, 5, 5, 4, 1); // 105 standards, 525 questions, 2100 prompts
        List<FieldError> errors = FrameworkLimits.exceeded(tooMany, bytes(tooMany));
        assertEquals(List.of("domains", "domains[].standards", "domains[].standards[].keyQuestions",
                "domains[].standards[].keyQuestions[].prompts"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("at most 20 domains (this framework has 21)"), errors.toString());
    }

    @Test
    void aFrameworkAtEveryCountLimitButOverTheByteLimitIsRefusedForItsSize() throws Exception {
        Framework atCounts = TestFrameworks.sized("at-counts", 20, 5, 5, 4, 200);
        assertEquals(List.of(), FrameworkValidator.validate(atCounts));
        assertTrue(bytes(atCounts) > FrameworkLimits.MAX_JSON_BYTES);
        List<FieldError> errors = FrameworkLimits.exceeded(atCounts, bytes(atCounts));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("bytes as JSON; at most " + FrameworkLimits.MAX_JSON_BYTES),
                errors.toString());
        Framework small = TestFrameworks.sized("small", 20, 5, 5, 4, 10);
        assertEquals(List.of(), FrameworkLimits.exceeded(small, bytes(small)));
    }
}
