package uk.probation.inspection.cases.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Proportional allocation, worked by hand, and its within-one-case promise over many random strata. */
class AllocationTest {

    @Test
    void tooManyAfterRoundingRemovesFromTheLargestRoundedUpStratum() {
        // 12 of 24: ideals 5, 3, 1.5, 1, 1.5 → rounded 5, 3, 2, 1, 2 = 13; the rounded-up strata are the 3rd and
        // 5th (both 3 cases): the first listed loses one
        assertArrayEquals(new int[] {5, 3, 1, 1, 2}, Allocation.proportional(new int[] {10, 6, 3, 2, 3},
                new int[] {10, 6, 3, 2, 3}, 12));
        // 10 of 20 as 11, 3, 3, 3: ideals 5.5, 1.5, 1.5, 1.5 → 6, 2, 2, 2 = 12: the largest (11) loses one, then
        // of the three equal ones the first listed
        assertArrayEquals(new int[] {5, 1, 2, 2}, Allocation.proportional(new int[] {11, 3, 3, 3},
                new int[] {11, 3, 3, 3}, 10));
    }

    @Test
    void tooFewAfterRoundingAddsToTheSmallestRoundedDownStratum() {
        // 3 of 24 (a reserve): ideals 1.25, 0.75, 0.375, 0.25, 0.375 → 1, 1, 0, 0, 0 = 2; rounded down: 1st, 3rd,
        // 4th, 5th; the smallest is the 4th (2 cases)
        assertArrayEquals(new int[] {1, 1, 0, 1, 0}, Allocation.proportional(new int[] {10, 6, 3, 2, 3},
                new int[] {5, 3, 1, 1, 1}, 3));
        // 2 of 3 strata of 1: ideals 0.667 each → 1, 1, 1 = 3: every one rounded up, equal: the first loses
        assertArrayEquals(new int[] {0, 1, 1}, Allocation.proportional(new int[] {1, 1, 1}, new int[] {1, 1, 1}, 2));
    }

    @Test
    void capacityIsNeverExceededAndWhatItHoldsBackGoesWhereThereIsRoom() {
        // ideal 3, 3 but the first can give only 1: 1, 5
        assertArrayEquals(new int[] {1, 5}, Allocation.proportional(new int[] {5, 5}, new int[] {1, 9}, 6));
    }

    @Test
    void everyShareIsWithinOneCaseOfItsIdealForThousandsOfRandomStrata() {
        Random random = new Random(9);
        for (int run = 0; run < 3000; run++) {
            int[] weights = new int[1 + random.nextInt(6)];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextInt(run % 2 == 0 ? 8 : 200);
            }
            int sum = Arrays.stream(weights).sum();
            if (sum == 0) {
                continue;
            }
            int total = random.nextInt(sum + 1);
            int[] shares = Allocation.proportional(weights, weights, total);
            assertEquals(total, Arrays.stream(shares).sum(), Arrays.toString(weights));
            for (int i = 0; i < weights.length; i++) {
                double ideal = (double) total * weights[i] / sum;
                assertTrue(Math.abs(shares[i] - ideal) <= 1 + 1e-9 && shares[i] <= weights[i] && shares[i] >= 0,
                        Arrays.toString(weights) + " total " + total + " → " + Arrays.toString(shares));
            }
        }
    }
}
