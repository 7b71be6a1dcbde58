package uk.probation.inspection.feedback.summary;

import java.util.Map;

/**
 * Primary small-number suppression for figures shown outside the inspection team: a figure is withheld when its
 * count, its complement (those who did not say yes or did not choose the option) or its base is under the threshold,
 * because any of them would let a reader single someone out ("0 of 3 women" tells every woman's answer); a headcount
 * when it is under the threshold. {@link ComplementarySuppression} then stops subtraction giving them back.
 */
public final class Suppression {

    public static final Map<String, Object> SUPPRESSED = Map.of("suppressed", true);

    private final int threshold;

    /** {@code threshold} 0 means nothing is suppressed (the inspection team's view). */
    public Suppression(int threshold) {
        this.threshold = threshold;
    }

    public static Suppression none() {
        return new Suppression(0);
    }

    public boolean active() {
        return threshold > 0;
    }

    public int threshold() {
        return threshold;
    }

    public boolean hides(int count, int base) {
        return active() && (count < threshold || base - count < threshold || base < threshold);
    }

    public boolean hides(int count) {
        return active() && count < threshold;
    }
}
