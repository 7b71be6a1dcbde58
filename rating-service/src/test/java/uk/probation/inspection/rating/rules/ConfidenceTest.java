package uk.probation.inspection.rating.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.rating.rules.Confidence.Count;
import uk.probation.inspection.rating.rules.Confidence.Interval;
import uk.probation.inspection.rating.rules.Confidence.StandardConfidence;

/**
 * The Wilson intervals and the "changes to move" of {@link Confidence} against hand-worked figures and against an
 * independent computation: interval ends found by bisection on the score-test inequality, and band moves by brute
 * force over every possible vector of answers. Seeded, so a failure repeats.
 */
class ConfidenceTest {

    static RatingRules rules() throws Exception {
        return RatingRulesTest.rules();
    }

    // ---- hand-worked figures ----

    @Test
    void newhamsTwentyOneOfThirtyThreeSpansThreeBands() throws Exception {
        // p = 21/33; Wilson: centre (p + z²/66)/(1 + z²/33), half-width z/(1+z²/33)·√(p(1−p)/33 + z²/4356)
        Interval interval = Confidence.wilson(21, 33).orElseThrow();
        assertEquals(new Interval(46.6, 77.8), interval);
        // 64% is Requires improvement; 47 is Inadequate, 78 Good: not settled
        StandardConfidence c = Confidence.ofStandard(rules(), List.of(new Count(21, 33))).orElseThrow();
        assertFalse(c.settled());
        assertEquals(1, c.up()); // 22/33 = 66.7% → 67%, Good
        assertEquals(5, c.down()); // 16/33 = 48.5% → 48%, Inadequate; 17/33 = 51.5% → 52% is still RI
    }

    @Test
    void allAndNothingAreClampedToTheEnds() {
        assertEquals(new Interval(0.0, 27.8), Confidence.wilson(0, 10).orElseThrow());
        assertEquals(new Interval(72.2, 100.0), Confidence.wilson(10, 10).orElseThrow());
        assertEquals(Optional.empty(), Confidence.wilson(0, 0));
    }

    @Test
    void aLargeClearSampleIsSettled() throws Exception {
        // 950/1000: interval 93.5–96.2, all Outstanding; top band so nothing above
        StandardConfidence c = Confidence.ofStandard(rules(), List.of(new Count(950, 1000), new Count(990, 1000)))
                .orElseThrow();
        assertTrue(c.settled());
        assertEquals(null, c.up());
        // 2.2.x at 950/1000 must fall below 79.5%: 794/1000 = 79.4% → 79%: 156 flips
        assertEquals(156, c.down());
    }

    @Test
    void atTheBottomNothingIsBelow() throws Exception {
        StandardConfidence c = Confidence.ofStandard(rules(), List.of(new Count(0, 33), new Count(30, 33))).orElseThrow();
        assertEquals(null, c.down());
        assertEquals(17, c.up()); // 17/33 = 51.5% → 52%: RI
        assertTrue(c.settled()); // 0–10.4%: Inadequate throughout
    }

    @Test
    void upRaisesEveryKeyQuestionUnderTheNextBand() throws Exception {
        // 12/33 (36%) and 13/33 (39%) both need 17/33 (52%): 5 + 4 flips; 30/33 is already above
        StandardConfidence c = Confidence.ofStandard(rules(),
                List.of(new Count(12, 33), new Count(13, 33), new Count(30, 33))).orElseThrow();
        assertEquals(9, c.up());
    }

    @Test
    void noRelevantCaseNoConfidence() throws Exception {
        assertEquals(Optional.empty(), Confidence.ofStandard(rules(), List.of(new Count(0, 0))));
        assertEquals(Optional.empty(), Confidence.ofStandard(rules(), List.of()));
    }

    @Test
    void exactlyAtTheBandEdgesTheRoundedPercentageDecides() throws Exception {
        // 99/200 = 49.5% → 50% (RI); one YES less, 98/200 = 49% → Inadequate
        assertEquals(1, Confidence.ofStandard(rules(), List.of(new Count(99, 200))).orElseThrow().down());
        // 129/200 = 64.5% → 65% (Good); 159/200 = 79.5% → 80% (Outstanding)
        assertEquals(1, Confidence.ofStandard(rules(), List.of(new Count(129, 200))).orElseThrow().down());
        assertEquals(1, Confidence.ofStandard(rules(), List.of(new Count(159, 200))).orElseThrow().down());
        assertEquals(1, Confidence.ofStandard(rules(), List.of(new Count(158, 200))).orElseThrow().up());
    }

    // ---- property tests against independent computations ----

    @Test
    void intervalsMatchBisectionForHundredsOfCounts() {
        Random random = new Random(20);
        List<long[]> cases = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            long n = 1 + random.nextInt(i % 3 == 0 ? 2000 : 60);
            cases.add(new long[] {random.nextLong(n + 1), n});
        }
        for (long[] edge : edges()) {
            cases.add(edge);
        }
        for (long[] c : cases) {
            Interval interval = Confidence.wilson(c[0], c[1]).orElseThrow();
            double[] exact = bisected(c[0], c[1]);
            String what = c[0] + "/" + c[1];
            assertEquals(100 * exact[0], interval.low(), 0.05 + 1e-9, what + " low");
            assertEquals(100 * exact[1], interval.high(), 0.05 + 1e-9, what + " high");
            assertEquals(interval.low(), Math.round(interval.low() * 10) / 10.0, 0, what + " one decimal");
            assertTrue(interval.low() <= 100.0 * c[0] / c[1] && 100.0 * c[0] / c[1] <= interval.high(), what);
        }
    }

    @Test
    void settledAndChangesToMoveMatchBruteForceForHundredsOfCombinations() throws Exception {
        RatingRules rules = rules();
        Random random = new Random(2020);
        List<List<Count>> combinations = new ArrayList<>();
        for (int i = 0; i < 400; i++) { // up to 3 key questions of up to 14 relevant: every answer vector tried
            int questions = 1 + random.nextInt(3);
            List<Count> counts = new ArrayList<>();
            for (int q = 0; q < questions; q++) {
                long n = random.nextInt(15);
                counts.add(new Count(random.nextLong(n + 1), n));
            }
            combinations.add(counts);
        }
        for (long[] edge : edges()) { // the band edges, beside a second key question near them
            long n = edge[1];
            combinations.add(List.of(new Count(edge[0], n)));
            combinations.add(List.of(new Count(edge[0], n), new Count(Math.min(n, edge[0] + random.nextInt(5)), n)));
        }
        int settledSeen = 0;
        int unsettledSeen = 0;
        for (List<Count> counts : combinations) {
            Optional<StandardConfidence> actual = Confidence.ofStandard(rules, counts);
            Optional<StandardConfidence> expected = bruteForce(rules, counts);
            assertEquals(expected, actual, counts.toString());
            if (actual.isPresent()) {
                if (actual.get().settled()) {
                    settledSeen++;
                } else {
                    unsettledSeen++;
                }
            }
        }
        assertTrue(settledSeen > 20 && unsettledSeen > 20, settledSeen + " settled, " + unsettledSeen + " not");
    }

    /** Counts at and around 49.5%, 64.5% and 79.5% of 200 and 1000, and a few relevant counts that never hit them. */
    static List<long[]> edges() {
        List<long[]> edges = new ArrayList<>();
        for (long n : new long[] {200, 1000}) {
            for (double edge : new double[] {49.5, 64.5, 79.5}) {
                long at = Math.round(edge * n / 100);
                for (long yes = at - 2; yes <= at + 2; yes++) {
                    edges.add(new long[] {yes, n});
                }
            }
        }
        for (long n : new long[] {33, 34, 2, 1}) {
            for (long yes = 0; yes <= n; yes++) {
                edges.add(new long[] {yes, n});
            }
        }
        return edges;
    }

    /** The Wilson ends as the roots of (p̂ − p)² = z²·p(1 − p)/n, each found by bisection on its side of p̂. */
    static double[] bisected(long yes, long n) {
        double phat = (double) yes / n;
        java.util.function.DoubleUnaryOperator outside = p -> (phat - p) * (phat - p) - Confidence.Z * Confidence.Z * p * (1 - p) / n;
        double low = 0;
        if (yes > 0) {
            double a = 0;
            double b = phat; // outside(a) > 0, outside(b) <= 0
            for (int i = 0; i < 200; i++) {
                double m = (a + b) / 2;
                if (outside.applyAsDouble(m) > 0) {
                    a = m;
                } else {
                    b = m;
                }
            }
            low = (a + b) / 2;
        }
        double high = 1;
        if (yes < n) {
            double a = phat;
            double b = 1;
            for (int i = 0; i < 200; i++) {
                double m = (a + b) / 2;
                if (outside.applyAsDouble(m) > 0) {
                    b = m;
                } else {
                    a = m;
                }
            }
            high = (a + b) / 2;
        }
        return new double[] {low, high};
    }

    /**
     * Every vector of yes counts (each 0..relevant), the band of its lowest rounded percentage, and the cheapest
     * vector (answers flipped) in a higher and in a lower band; settledness from bisected interval ends.
     */
    static Optional<StandardConfidence> bruteForce(RatingRules rules, List<Count> counts) {
        int current = rankOf(rules, counts, counts.stream().mapToLong(Count::yes).toArray());
        if (current < 0) {
            return Optional.empty();
        }
        long[] yes = new long[counts.size()];
        Integer[] best = {null, null}; // up, down
        enumerate(rules, counts, yes, 0, current, best);
        int lowest = lowestPercentage(counts, counts.stream().mapToLong(Count::yes).toArray());
        boolean settled = true;
        for (Count c : counts) {
            if (c.relevant() > 0 && pct(c.yes(), c.relevant()) == lowest) {
                double[] ends = bisected(c.yes(), c.relevant());
                for (double end : ends) {
                    double shown = new java.math.BigDecimal(100 * end).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
                    int whole = (int) Math.floor(shown + 0.5 + 1e-9);
                    settled &= rankOfPercentage(rules, whole) == current;
                }
            }
        }
        return Optional.of(new StandardConfidence(settled, best[0], best[1]));
    }

    private static void enumerate(RatingRules rules, List<Count> counts, long[] yes, int i, int current, Integer[] best) {
        if (i == counts.size()) {
            int rank = rankOf(rules, counts, yes);
            int cost = 0;
            for (int q = 0; q < yes.length; q++) {
                cost += (int) Math.abs(yes[q] - counts.get(q).yes());
            }
            int slot = rank < current ? 0 : rank > current ? 1 : -1; // rank 0 is the top band
            if (slot >= 0 && (best[slot] == null || cost < best[slot])) {
                best[slot] = cost;
            }
            return;
        }
        for (long y = 0; y <= counts.get(i).relevant(); y++) {
            yes[i] = y;
            enumerate(rules, counts, yes, i + 1, current, best);
        }
    }

    /** Rank of the band (0 = top) of the lowest percentage, computed afresh: −1 when nothing is relevant. */
    private static int rankOf(RatingRules rules, List<Count> counts, long[] yes) {
        int lowest = lowestPercentage(counts, yes);
        return lowest < 0 ? -1 : rankOfPercentage(rules, lowest);
    }

    private static int lowestPercentage(List<Count> counts, long[] yes) {
        int lowest = Integer.MAX_VALUE;
        for (int q = 0; q < yes.length; q++) {
            if (counts.get(q).relevant() > 0) {
                lowest = Math.min(lowest, pct(yes[q], counts.get(q).relevant()));
            }
        }
        return lowest == Integer.MAX_VALUE ? -1 : lowest;
    }

    /** Half up on the exact fraction, in integers. */
    private static int pct(long yes, long n) {
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(100 * yes).divide(java.math.BigDecimal.valueOf(n), 10,
                java.math.RoundingMode.HALF_UP);
        return exact.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }

    /** The framework's bands, read as the table in domain.md: the highest minimum not above the percentage. */
    private static int rankOfPercentage(RatingRules rules, int percentage) {
        List<Integer> minima = rules.bands().stream().map(RatingRules.Band::minPercentage).sorted((a, b) -> b - a).toList();
        for (int rank = 0; rank < minima.size(); rank++) {
            if (percentage >= minima.get(rank)) {
                return rank;
            }
        }
        return minima.size() - 1;
    }
}
