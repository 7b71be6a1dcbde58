package uk.probation.inspection.rating.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rating rules of one framework (its {@code rules} object): percentage bands with points, and overall bands
 * as rational shares of the maximum. Nothing here is specific to one framework.
 */
public final class RatingRules {

    /** A percentage band: from {@code minPercentage} (inclusive) up to the next band. */
    public record Band(Rating rating, int minPercentage, int points) {
    }

    /** An overall band: a score up to {@code numerator/denominator} of the maximum (inclusive). */
    public record OverallBand(Rating rating, long numerator, long denominator) {
    }

    private final List<Band> bands;
    private final List<OverallBand> overallBands;
    private final int topPoints;

    public RatingRules(List<Band> bands, List<OverallBand> overallBands) {
        if (bands.isEmpty() || overallBands.isEmpty()) {
            throw new InvalidFrameworkException("rules need at least one band and one overall band");
        }
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparingInt(Band::minPercentage).reversed());
        this.bands = List.copyOf(sorted);
        this.overallBands = List.copyOf(overallBands);
        this.topPoints = sorted.stream().mapToInt(Band::points).max().orElseThrow();
        for (OverallBand band : overallBands) {
            if (band.denominator() <= 0 || band.numerator() < 0) {
                throw new InvalidFrameworkException("overall band " + band.rating() + " has an invalid share");
            }
        }
    }

    /** The percentage bands, highest first. */
    public List<Band> bands() {
        return bands;
    }

    /** The overall bands, in the framework's (ascending) order. */
    public List<OverallBand> overallBands() {
        return overallBands;
    }

    /** Reads a framework's {@code rules} object; only the rounding and scoring methods implemented here are accepted. */
    public static RatingRules fromJson(JsonNode rules) {
        if (rules == null || !rules.isObject()) {
            throw new InvalidFrameworkException("framework has no rules");
        }
        String rounding = rules.path("percentageRounding").asText("HALF_UP");
        String scoring = rules.path("standardScore").asText("LOWEST_KEY_QUESTION");
        if (!"HALF_UP".equals(rounding) || !"LOWEST_KEY_QUESTION".equals(scoring)) {
            throw new InvalidFrameworkException("unsupported rules: " + rounding + "/" + scoring);
        }
        List<Band> bands = new ArrayList<>();
        for (JsonNode band : rules.path("bands")) {
            bands.add(new Band(rating(band), requiredInt(band, "minPercentage"), requiredInt(band, "points")));
        }
        List<OverallBand> overall = new ArrayList<>();
        for (JsonNode band : rules.path("overallBands")) {
            JsonNode share = band.path("maxShareOfMaximum");
            overall.add(new OverallBand(rating(band), requiredInt(share, "numerator"), requiredInt(share, "denominator")));
        }
        return new RatingRules(bands, overall);
    }

    private static Rating rating(JsonNode band) {
        try {
            return Rating.valueOf(band.path("rating").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidFrameworkException("unknown rating in band: " + band.path("rating").asText());
        }
    }

    private static int requiredInt(JsonNode node, String field) {
        if (!node.path(field).canConvertToInt()) {
            throw new InvalidFrameworkException("rules field '" + field + "' missing or not a whole number");
        }
        return node.path(field).asInt();
    }

    /** Yes ÷ (yes + no) as a whole percentage, rounded half up; null when no case is relevant. */
    public static Integer percentage(long yes, long no) {
        long relevant = yes + no;
        if (relevant <= 0) {
            return null;
        }
        // floor(100·yes/relevant + 1/2) in integers: exact, no floating-point ties.
        return (int) ((200 * yes + relevant) / (2 * relevant));
    }

    /** The band a rounded percentage falls into. */
    public Band band(int percentage) {
        for (Band band : bands) {
            if (percentage >= band.minPercentage()) {
                return band;
            }
        }
        return bands.get(bands.size() - 1);
    }

    /** A case-based standard from its key questions' percentages (null = no relevant case for that question). */
    public StandardResult rateCases(Collection<Integer> keyQuestionPercentages) {
        Integer lowest = lowest(keyQuestionPercentages);
        return lowest == null
                ? new StandardResult(Rating.NOT_APPLICABLE, null)
                : new StandardResult(band(lowest).rating(), lowest);
    }

    /** A standard of any basis; {@code judgement} is the recorded rating of a judgement standard, or null. */
    public StandardResult rate(Basis basis, Collection<Integer> keyQuestionPercentages, Rating judgement) {
        return switch (basis) {
            case CASES -> rateCases(keyQuestionPercentages);
            case JUDGEMENT -> new StandardResult(judgement == null ? Rating.NOT_RATED : judgement, null);
            case NONE -> new StandardResult(Rating.NOT_RATED, lowest(keyQuestionPercentages));
        };
    }

    private static Integer lowest(Collection<Integer> percentages) {
        return percentages.stream().filter(Objects::nonNull).min(Integer::compare).orElse(null);
    }

    /** True when the rating earns points, i.e. the standard counts towards the maximum. */
    public boolean counts(Rating rating) {
        return bands.stream().anyMatch(b -> b.rating() == rating);
    }

    public int points(Rating rating) {
        return bands.stream().filter(b -> b.rating() == rating).mapToInt(Band::points).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(rating + " earns no points"));
    }

    public int topPoints() {
        return topPoints;
    }

    /** The overall rating of the given standard ratings; those that earn no points leave the maximum. */
    public OverallResult overall(Collection<Rating> standardRatings) {
        int score = 0;
        int rated = 0;
        for (Rating rating : standardRatings) {
            if (counts(rating)) {
                score += points(rating);
                rated++;
            }
        }
        if (rated == 0) {
            return OverallResult.NONE_RATED;
        }
        return new OverallResult(overallBand(score, topPoints * rated), score, topPoints * rated);
    }

    /** The first overall band whose share of the maximum the score does not exceed (score·d ≤ n·max). */
    public Rating overallBand(int score, int maxScore) {
        for (OverallBand band : overallBands) {
            if ((long) score * band.denominator() <= band.numerator() * maxScore) {
                return band.rating();
            }
        }
        return overallBands.get(overallBands.size() - 1).rating();
    }
}
