package uk.probation.inspection.cases.framework;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a framework's rules: rounding, standard score, the bands of key questions and of the overall rating. */
final class RatingRuleChecks {

    static final Set<String> RATINGS = Set.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE");
    static final Set<String> ROUNDINGS = Set.of("HALF_UP");
    static final Set<String> STANDARD_SCORES = Set.of("LOWEST_KEY_QUESTION");

    private final FieldErrors errors;

    RatingRuleChecks(FieldErrors errors) {
        this.errors = errors;
    }

    void check(Framework.Rules rules) {
        if (rules == null) {
            errors.error("rules", "is required");
            return;
        }
        if (rules.percentageRounding() == null || !ROUNDINGS.contains(rules.percentageRounding())) {
            errors.error("rules.percentageRounding", "must be one of " + ROUNDINGS);
        }
        if (rules.standardScore() == null || !STANDARD_SCORES.contains(rules.standardScore())) {
            errors.error("rules.standardScore", "must be one of " + STANDARD_SCORES);
        }
        checkBands(rules.bands());
        checkOverallBands(rules.overallBands());
        if (rules.smallNumberThreshold() != null && (rules.smallNumberThreshold() < 1 || rules.smallNumberThreshold() > 100)) {
            errors.error("rules.smallNumberThreshold", "must be between 1 and 100 (figures of smaller groups are withheld from viewers)");
        }
    }

    /** Bands in descending order of minPercentage: together they cover 0-100, each percentage exactly once. */
    private void checkBands(List<Framework.Band> bands) {
        if (bands == null || bands.isEmpty()) {
            errors.error("rules.bands", "at least one band is required");
            return;
        }
        Set<String> ratings = new HashSet<>();
        Integer previousMin = null;
        Integer previousPoints = null;
        for (int i = 0; i < bands.size(); i++) {
            Framework.Band band = bands.get(i);
            String at = "rules.bands[" + i + "]";
            if (band == null) {
                errors.error(at, "must not be null");
                continue;
            }
            rating(at + ".rating", band.rating(), ratings);
            errors.text(at + ".descriptor", band.descriptor());
            Integer min = band.minPercentage();
            if (min == null || min < 0 || min > 100) {
                errors.error(at + ".minPercentage", "must be a whole percentage from 0 to 100");
                min = null;
            } else if (previousMin != null && min >= previousMin) {
                errors.error(at + ".minPercentage", min + " overlaps the band above (from " + previousMin
                        + "); bands must be in strictly descending order of minPercentage");
            }
            Integer points = band.points();
            if (points == null || points < 0 || points > 100) {
                errors.error(at + ".points", "must be a whole number from 0 to 100");
                points = null;
            } else if (previousPoints != null && points > previousPoints) {
                errors.error(at + ".points", "a lower band cannot earn more points than the band above (" + previousPoints + ")");
            }
            if (min != null) {
                previousMin = min;
            }
            if (points != null) {
                previousPoints = points;
            }
        }
        Framework.Band lowest = bands.get(bands.size() - 1);
        if (lowest != null && lowest.minPercentage() != null && lowest.minPercentage() != 0) {
            errors.error("rules.bands[" + (bands.size() - 1) + "].minPercentage",
                    "the lowest band must start at 0, or percentages below " + lowest.minPercentage() + " have no band");
        }
        Framework.Band top = bands.get(0);
        if (top != null && top.points() != null && top.points() == 0) {
            errors.error("rules.bands[0].points", "the top band must earn at least 1 point, or every maximum score is 0");
        }
    }

    /** Overall bands in ascending order of their share of the maximum, the last one the whole maximum. */
    private void checkOverallBands(List<Framework.OverallBand> bands) {
        if (bands == null || bands.isEmpty()) {
            errors.error("rules.overallBands", "at least one overall band is required");
            return;
        }
        Set<String> ratings = new HashSet<>();
        long[] previous = null;
        for (int i = 0; i < bands.size(); i++) {
            Framework.OverallBand band = bands.get(i);
            String at = "rules.overallBands[" + i + "]";
            if (band == null) {
                errors.error(at, "must not be null");
                continue;
            }
            rating(at + ".rating", band.rating(), ratings);
            Framework.Share share = band.maxShareOfMaximum();
            if (share == null || share.numerator() == null || share.denominator() == null) {
                errors.error(at + ".maxShareOfMaximum", "numerator and denominator are required");
                continue;
            }
            if (share.denominator() < 1 || share.numerator() < 0 || share.numerator() > share.denominator()) {
                errors.error(at + ".maxShareOfMaximum", "must be a fraction from 0/1 to 1/1 with a positive denominator");
                continue;
            }
            long[] current = { share.numerator(), share.denominator() };
            if (previous != null && current[0] * previous[1] <= previous[0] * current[1]) {
                errors.error(at + ".maxShareOfMaximum", share.numerator() + "/" + share.denominator()
                        + " is not above the band before (" + previous[0] + "/" + previous[1]
                        + "); overall bands must be in strictly ascending order");
            }
            previous = current;
        }
        Framework.OverallBand last = bands.get(bands.size() - 1);
        if (last != null && last.maxShareOfMaximum() != null && last.maxShareOfMaximum().numerator() != null
                && !last.maxShareOfMaximum().numerator().equals(last.maxShareOfMaximum().denominator())) {
            errors.error("rules.overallBands[" + (bands.size() - 1) + "].maxShareOfMaximum",
                    "the last overall band must end at the full maximum (1/1)");
        }
    }

    private void rating(String at, String rating, Set<String> seen) {
        if (rating == null || !RATINGS.contains(rating)) {
            errors.error(at, "must be one of OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE");
        } else if (!seen.add(rating)) {
            errors.error(at, rating + " appears twice");
        }
    }
}
