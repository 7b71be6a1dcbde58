package uk.probation.inspection.rating.report;

import java.util.List;

/**
 * A User Voice figure in the report's own words, from the survey template's phrase: a phrase alone is read after the
 * figures ("62 out of 93 were happy with the overall support they received"); a phrase with {@code {n}}, {@code {m}}
 * or {@code {inFive}} places them itself ("32 of the 61 who needed support said they had been helped", "three in
 * five said…"). Without a phrase, the plain line the caller gives.
 */
public final class UserVoiceSentence {

    private static final List<String> FIFTHS = List.of("one in five", "two in five", "three in five", "four in five");

    private UserVoiceSentence() {
    }

    /** A yes/no question's figure as the report words it; null when it is withheld for small numbers. */
    public static String of(UserVoiceFigures.Question q) {
        if (q.yes() == null || q.answered() == null) {
            return null;
        }
        return of(q.reportPhrase(), q.yes(), q.answered(), q.yes() + " out of " + q.answered() + " answered yes: " + q.text());
    }

    /** An option's figure as the report words it; null when it is withheld for small numbers. */
    public static String of(UserVoiceFigures.Option o) {
        if (o.selected() == null || o.answered() == null) {
            return null;
        }
        return of(o.reportPhrase(), o.selected(), o.answered(),
                o.selected() + " out of " + o.answered() + " chose “" + o.text() + "”");
    }

    public static String of(String phrase, int count, int answered, String plainLine) {
        if (phrase == null || phrase.isBlank()) {
            return plainLine;
        }
        if (!phrase.contains("{n}") && !phrase.contains("{m}") && !phrase.contains("{inFive}")) {
            return count + " out of " + answered + " " + phrase.strip();
        }
        return phrase.strip().replace("{n}", Integer.toString(count)).replace("{m}", Integer.toString(answered))
                .replace("{inFive}", inFive(count, answered));
    }

    /**
     * The share in fifths, rounded half up: 57 of 95 is "three in five". "none" and "all" only when exactly so, so a
     * share near either end is never worded as nobody or everybody.
     */
    static String inFive(int count, int answered) {
        if (count == 0) {
            return "none";
        }
        if (count >= answered) {
            return "all";
        }
        int fifths = (int) ((10L * count + answered) / (2L * answered)); // round(5·count/answered), half up
        return FIFTHS.get(Math.max(1, Math.min(4, fifths)) - 1);
    }
}
