package uk.probation.inspection.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The independent recount and the comparison the fault suite relies on. */
class ApiRecountTest {

    @Test
    void recountTalliesEachAnswerOnce() {
        Map<String, int[]> counts = Api.recount(Map.of(
                "C1", Map.of("2.2.1", "YES", "2.2.2", "NO"),
                "C2", Map.of("2.2.1", "NOT_APPLICABLE", "2.2.2", "NO"),
                "C3", Map.of("2.2.1", "YES")));
        assertArrayEquals(new int[] {2, 0, 1}, counts.get("2.2.1"));
        assertArrayEquals(new int[] {0, 2, 0}, counts.get("2.2.2"));
    }

    @Test
    void compareSeparatesMissingFromDoubleCounted() {
        Map<String, int[]> expected = Map.of("2.2.1", new int[] {2, 1, 0}, "2.2.2", new int[] {1, 0, 0});
        assertEquals(new Api.Difference(0, 0), Api.compare(expected, Map.of("2.2.1", new int[] {2, 1, 0},
                "2.2.2", new int[] {1, 0, 0}, "2.2.3", new int[3])));
        // A change not applied: one YES still counted, the NO it became missing.
        assertEquals(new Api.Difference(1, 1), Api.compare(expected, Map.of("2.2.1", new int[] {3, 0, 0},
                "2.2.2", new int[] {1, 0, 0})));
        assertEquals(new Api.Difference(0, 2), Api.compare(expected, Map.of("2.2.1", new int[] {4, 1, 0},
                "2.2.2", new int[] {1, 0, 0})));
        assertEquals(new Api.Difference(4, 0), Api.compare(expected, null));
    }

    @Test
    void percentilesUseNearestRank() {
        Percentiles p = Percentiles.ofNanos(List.of(1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L));
        assertEquals(2.0, p.p50());
        assertEquals(4.0, p.p99());
    }
}
