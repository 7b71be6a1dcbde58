package uk.probation.inspection.cases.secondreading;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How far two readings of the same cases agree: percentage agreement and Cohen's kappa, which discounts the
 * agreement two readers would reach by chance given how often each gives each answer:
 * {@code κ = (pₒ − pₑ) ÷ (1 − pₑ)}, {@code pₒ} the share of pairs that agree and {@code pₑ = Σₖ (firstₖ/n)·(secondₖ/n)}.
 * 1 is perfect agreement, 0 what chance gives, below 0 worse than chance. Kappa is undefined (null) when chance
 * alone would agree every time ({@code pₑ = 1}: both readers gave one and the same answer to every case).
 */
public final class Agreement {

    /** The first reading's answer and the second's, for one case and key question. */
    public record Pair(String first, String second) {
    }

    /** {@code percentage}: agreed ÷ pairs × 100; both null when there is no pair. */
    public record Result(int pairs, int agreed, Double percentage, Double kappa) {
    }

    private Agreement() {
    }

    public static Result of(Collection<Pair> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return new Result(0, 0, null, null);
        }
        int agreed = 0;
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> second = new HashMap<>();
        for (Pair pair : pairs) {
            if (pair.first().equals(pair.second())) {
                agreed++;
            }
            first.merge(pair.first(), 1, Integer::sum);
            second.merge(pair.second(), 1, Integer::sum);
        }
        // In integers over n²: pₒ = agreed·n / n², pₑ = Σ firstₖ·secondₖ / n², so κ = (agreed·n − Σ) / (n² − Σ).
        Set<String> categories = new HashSet<>(first.keySet());
        categories.addAll(second.keySet());
        long chance = 0;
        for (String k : categories) {
            chance += (long) first.getOrDefault(k, 0) * second.getOrDefault(k, 0);
        }
        long square = (long) n * n;
        Double kappa = chance == square ? null : (double) ((long) agreed * n - chance) / (square - chance);
        return new Result(n, agreed, 100.0 * agreed / n, kappa);
    }
}
