package uk.probation.inspection.rating.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * How sure a case-based rating is, from the same counts the rating comes from (contract.md, "confidence"):
 * the 95% Wilson score interval of each key question, whether the standard's band is settled, and how few flipped
 * answers would move it. A sample of 33 cannot always tell neighbouring bands apart; this says when.
 */
public final class Confidence {

    /** The two-sided 95% normal quantile. */
    static final double Z = 1.959963984540054;

    /** An interval in per cent, each end rounded half up to one decimal. */
    public record Interval(double low, double high) {
    }

    /** One key question's counts: yes and relevant (yes + no). */
    public record Count(long yes, long relevant) {

        public Count {
            if (yes < 0 || relevant < yes) {
                throw new IllegalArgumentException("need 0 <= yes <= relevant, got " + yes + "/" + relevant);
            }
        }

        Integer percentage() {
            return RatingRules.percentage(yes, relevant - yes);
        }
    }

    /**
     * A case-based standard's confidence. {@code up}/{@code down}: the fewest relevant answers flipped between YES
     * and NO that put the standard in a higher/lower band; null at the top/bottom band. (With very few relevant
     * cases one flip can cross more than one band.)
     */
    public record StandardConfidence(boolean settled, Integer up, Integer down) {
    }

    private Confidence() {
    }

    /** The Wilson score interval of yes ÷ relevant; empty when nothing is relevant. */
    public static Optional<Interval> wilson(long yes, long relevant) {
        if (relevant <= 0) {
            return Optional.empty();
        }
        double n = relevant;
        double p = yes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 and at relevant the formula meets 0 and 1 only up to floating-point error.
        double low = yes == 0 ? 0 : Math.max(0, centre - half);
        double high = yes == relevant ? 1 : Math.min(1, centre + half);
        return Optional.of(new Interval(oneDecimal(100 * low), oneDecimal(100 * high)));
    }

    /**
     * The standard's confidence from its key questions' counts (in any order); empty when no key question has a
     * relevant case (the standard is then not applicable, nothing to be sure of).
     */
    public static Optional<StandardConfidence> ofStandard(RatingRules rules, List<Count> keyQuestions) {
        Integer lowest = keyQuestions.stream().map(Count::percentage).filter(p -> p != null).min(Integer::compare)
                .orElse(null);
        if (lowest == null) {
            return Optional.empty();
        }
        List<RatingRules.Band> bands = rules.bands(); // highest first
        RatingRules.Band band = rules.band(lowest);
        int rank = bands.indexOf(band);
        boolean settled = true;
        for (Count count : keyQuestions) {
            if (lowest.equals(count.percentage())) {
                Interval interval = wilson(count.yes(), count.relevant()).orElseThrow();
                settled &= rules.band(wholePercent(interval.low())) == band
                        && rules.band(wholePercent(interval.high())) == band;
            }
        }
        Integer up = rank == 0 ? null : flipsUp(keyQuestions, bands.get(rank - 1).minPercentage());
        Integer down = rank == bands.size() - 1 ? null : flipsDown(keyQuestions, band.minPercentage());
        return Optional.of(new StandardConfidence(settled, up, down));
    }

    /** Every key question under {@code target} must reach it (NO → YES); they do not interact, so the costs add. */
    private static Integer flipsUp(List<Count> keyQuestions, int target) {
        int total = 0;
        for (Count count : keyQuestions) {
            if (count.relevant() == 0) {
                continue;
            }
            long yes = count.yes();
            while (RatingRules.percentage(yes, count.relevant() - yes) < target) {
                if (yes == count.relevant()) {
                    return null; // a band above 100%: unreachable
                }
                yes++;
            }
            total += (int) (yes - count.yes());
        }
        return total;
    }

    /** One key question falling under the band's minimum is enough (YES → NO): the cheapest one. */
    private static Integer flipsDown(List<Count> keyQuestions, int minimum) {
        Integer best = null;
        for (Count count : keyQuestions) {
            if (count.relevant() == 0) {
                continue;
            }
            long yes = count.yes();
            while (yes > 0 && RatingRules.percentage(yes, count.relevant() - yes) >= minimum) {
                yes--;
            }
            if (RatingRules.percentage(yes, count.relevant() - yes) < minimum) {
                int flips = (int) (count.yes() - yes);
                best = best == null ? flips : Math.min(best, flips);
            }
        }
        return best;
    }

    static double oneDecimal(double perCent) {
        return BigDecimal.valueOf(perCent).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** An interval end (one decimal, as shown) rounded half up to a whole per cent, as percentages are. */
    static int wholePercent(double oneDecimal) {
        return BigDecimal.valueOf(oneDecimal).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
