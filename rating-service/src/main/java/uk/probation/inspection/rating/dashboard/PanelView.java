package uk.probation.inspection.rating.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.events.ratings.InspectionRatings.ChangesToMove;
import uk.probation.inspection.events.ratings.InspectionRatings.KeyQuestionView;
import uk.probation.inspection.events.ratings.InspectionRatings.StandardView;
import uk.probation.inspection.rating.rules.Rating;

/**
 * What the workspace's ratings panel shows, worded: each standard's rating with how sure it is ("one changed answer
 * from Good"), each key question's yes of relevant with its 95% interval. Plain text only; the template escapes it.
 */
public record PanelView(String inspectionId, String name, String region, String overall, List<Row> rows) {

    /**
     * One table row. {@code confidence}: a case-based standard's settled/changes wording (null otherwise);
     * {@code unsettled}: its band is not settled, so the row carries the ≈ marker.
     */
    public record Row(String id, boolean standard, String heading, String figure, String rating, String confidence,
            boolean unsettled) {
    }

    /** @param bands the framework's bands, highest first (the neighbours named in "from Good") */
    public static PanelView of(InspectionRatings ratings, List<Rating> bands) {
        List<Row> rows = new ArrayList<>();
        for (StandardView s : ratings.standards()) {
            rows.add(new Row("standard-" + s.id(), true, s.id() + " " + s.name(), words(s.rating()), s.rating(),
                    confidence(s, bands), Boolean.FALSE.equals(s.settled())));
            for (KeyQuestionView q : s.keyQuestions()) {
                rows.add(new Row("kq-" + q.id(), false, q.id(), figure(q), null, null, false));
            }
        }
        InspectionRatings.Overall o = ratings.overall();
        String overall = "Overall: " + words(o.rating())
                + (o.maxScore() > 0 ? " (" + o.score() + " of " + o.maxScore() + " points)" : "");
        return new PanelView(ratings.inspectionId(), ratings.name(), ratings.region(), overall, rows);
    }

    /** "12 of 20 (60%), 95% interval 38.7–78.1%"; "none relevant yet". */
    static String figure(KeyQuestionView q) {
        if (q.relevant() == 0) {
            return "none relevant yet";
        }
        String figure = q.yes() + " of " + q.relevant() + " (" + q.percentage() + "%)";
        return q.interval() == null ? figure
                : figure + ", 95% interval " + decimal(q.interval().low()) + "–" + decimal(q.interval().high()) + "%";
    }

    /** "Settled; 3 changed answers from Requires improvement" or "Not settled: one changed answer from Good, …". */
    static String confidence(StandardView s, List<Rating> bands) {
        if (s.settled() == null) {
            return null;
        }
        List<String> moves = new ArrayList<>();
        ChangesToMove m = s.changesToMove();
        Rating current = Rating.valueOf(s.rating());
        int rank = bands.indexOf(current);
        if (m != null && m.up() != null && rank > 0) {
            moves.add(answers(m.up()) + " from " + words(bands.get(rank - 1).name()));
        }
        if (m != null && m.down() != null && rank >= 0 && rank < bands.size() - 1) {
            moves.add(answers(m.down()) + " from " + words(bands.get(rank + 1).name()));
        }
        String head = s.settled() ? "Settled" : "Not settled: the sample cannot rule out another band";
        return moves.isEmpty() ? head : head + "; " + String.join(", ", moves);
    }

    private static String answers(int n) {
        return n == 1 ? "one changed answer" : n + " changed answers";
    }

    static String words(String rating) {
        if (rating == null) {
            return "Not rated";
        }
        String lower = rating.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** One decimal as the API gives it, without a trailing ".0" ("50", "38.7"). */
    private static String decimal(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
