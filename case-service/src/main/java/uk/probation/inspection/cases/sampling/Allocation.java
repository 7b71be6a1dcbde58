package uk.probation.inspection.cases.sampling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Proportional allocation of a number of cases over strata. Each stratum's ideal share is
 * {@code total × stratum ÷ sum}; it is rounded half up; if the rounded shares add up to too few, one case is added
 * to each stratum that was rounded down, <b>smallest stratum first</b> (small strata keep their voice); if to too
 * many, one is removed from each that was rounded up, <b>largest first</b>. Ties go to the stratum listed first.
 * Only rounded-down strata gain and only rounded-up ones lose, so every share stays within one case of its ideal.
 */
public final class Allocation {

    private Allocation() {
    }

    /**
     * @param weights each stratum's size in the long list (the proportion)
     * @param capacity the most each stratum can give (at least its ideal share is assumed available where possible)
     * @param total how many to allocate; at most the sum of capacities
     */
    public static int[] proportional(int[] weights, int[] capacity, int total) {
        int n = weights.length;
        long sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int[] shares = new int[n];
        BigDecimal[] ideal = new BigDecimal[n];
        int allocated = 0;
        for (int i = 0; i < n; i++) {
            ideal[i] = sum == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf((long) total * weights[i]).divide(BigDecimal.valueOf(sum), 12, RoundingMode.HALF_UP);
            shares[i] = Math.min(capacity[i], ideal[i].setScale(0, RoundingMode.HALF_UP).intValueExact());
            allocated += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        if (allocated < total) {
            order.sort(Comparator.<Integer>comparingInt(i -> weights[i]).thenComparingInt(i -> i));
            for (int i : order) { // those rounded down, smallest first
                if (allocated < total && shares[i] < capacity[i] && BigDecimal.valueOf(shares[i]).compareTo(ideal[i]) < 0) {
                    shares[i]++;
                    allocated++;
                }
            }
            while (allocated < total) { // only when capacity held a stratum under its ideal: wherever room is left
                boolean added = false;
                for (int i : order) {
                    if (allocated < total && shares[i] < capacity[i]) {
                        shares[i]++;
                        allocated++;
                        added = true;
                    }
                }
                if (!added) {
                    throw new IllegalArgumentException("cannot allocate " + total + ": not enough capacity");
                }
            }
        } else if (allocated > total) {
            order.sort(Comparator.<Integer>comparingInt(i -> -weights[i]).thenComparingInt(i -> i));
            for (int i : order) {
                if (allocated == total) {
                    break;
                }
                if (BigDecimal.valueOf(shares[i]).compareTo(ideal[i]) > 0) {
                    shares[i]--;
                    allocated--;
                }
            }
        }
        return shares;
    }
}
