package uk.probation.inspection.cases.secondreading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import uk.probation.inspection.cases.secondreading.Agreement.Pair;
import uk.probation.inspection.cases.secondreading.Agreement.Result;

/** Cohen's kappa against examples worked by hand. */
class AgreementTest {

    static List<Pair> pairs(String first, String second) {
        List<Pair> pairs = new ArrayList<>();
        String[] a = first.split(" ");
        String[] b = second.split(" ");
        for (int i = 0; i < a.length; i++) {
            pairs.add(new Pair(a[i], b[i]));
        }
        return pairs;
    }

    static List<Pair> repeated(String first, String second, int times) {
        return Collections.nCopies(times, new Pair(first, second));
    }

    @Test
    void perfectAgreementIsOne() {
        // pₒ = 1; pₑ = (2/5)² + (2/5)² + (1/5)² = 9/25; κ = (1 − 9/25) / (1 − 9/25) = 1
        Result r = Agreement.of(pairs("YES YES NO NO NOT_APPLICABLE", "YES YES NO NO NOT_APPLICABLE"));
        assertEquals(new Result(5, 5, 100.0, 1.0), r);
    }

    @Test
    void chanceLevelAgreementIsZero() {
        // pₒ = 2/4; first Yes 2, No 2; second Yes 2, No 2: pₑ = ½·½ + ½·½ = ½; κ = (½ − ½) / ½ = 0
        Result r = Agreement.of(pairs("YES YES NO NO", "YES NO YES NO"));
        assertEquals(50.0, r.percentage());
        assertEquals(0.0, r.kappa(), 1e-12);
    }

    @Test
    void systematicDisagreementIsNegative() {
        // pₒ = 0, pₑ = ½: κ = (0 − ½) / (1 − ½) = −1
        assertEquals(-1.0, Agreement.of(pairs("YES NO YES NO", "NO YES NO YES")).kappa(), 1e-12);
        // 3 of 4 disagree: pₒ = ¼; first Yes 3 No 1, second Yes 2 No 2: pₑ = ¾·½ + ¼·½ = ½; κ = (¼ − ½)/½ = −0.5
        assertEquals(-0.5, Agreement.of(pairs("YES YES YES NO", "NO NO YES YES")).kappa(), 1e-12);
        // against that, 2 of 4 agree with second Yes 1 No 3: pₑ = ¾·¼ + ¼·¾ = 3/8; κ = (½ − 3/8)/(5/8) = +0.2
        assertEquals(0.2, Agreement.of(pairs("YES YES YES NO", "NO NO YES NO")).kappa(), 1e-12);
    }

    @Test
    void theTextbookFiftyCases() {
        // 20 Yes/Yes, 5 Yes/No, 10 No/Yes, 15 No/No: pₒ = 35/50 = 0.7; first Yes 25/50, second Yes 30/50:
        // pₑ = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / 0.5 = 0.4
        List<Pair> pairs = new ArrayList<>();
        pairs.addAll(repeated("YES", "YES", 20));
        pairs.addAll(repeated("YES", "NO", 5));
        pairs.addAll(repeated("NO", "YES", 10));
        pairs.addAll(repeated("NO", "NO", 15));
        Result r = Agreement.of(pairs);
        assertEquals(70.0, r.percentage(), 1e-12);
        assertEquals(0.4, r.kappa(), 1e-12);
    }

    @Test
    void oneAnswerForEverythingLeavesKappaUndefinedAndNothingLeavesEverythingUndefined() {
        Result same = Agreement.of(pairs("YES YES YES", "YES YES YES"));
        assertEquals(100.0, same.percentage());
        assertNull(same.kappa());
        assertEquals(new Result(0, 0, null, null), Agreement.of(List.of()));
    }

    @Test
    void kappaIsSymmetricAtMostOneAndOneOnlyForFullAgreement() {
        Random random = new Random(3);
        String[] answers = {"YES", "NO", "NOT_APPLICABLE"};
        for (int run = 0; run < 500; run++) {
            List<Pair> pairs = new ArrayList<>();
            List<Pair> swapped = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
                String a = answers[random.nextInt(3)];
                String b = random.nextInt(3) == 0 ? answers[random.nextInt(3)] : a;
                pairs.add(new Pair(a, b));
                swapped.add(new Pair(b, a));
            }
            Result r = Agreement.of(pairs);
            assertEquals(r, Agreement.of(swapped));
            if (r.kappa() != null) {
                assertTrue(r.kappa() <= 1 + 1e-12 && r.kappa() >= -1 - 1e-12, r.toString());
                assertEquals(r.agreed() == r.pairs(), Math.abs(r.kappa() - 1) < 1e-12, r.toString());
            }
        }
    }
}
