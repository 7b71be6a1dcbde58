package uk.probation.inspection.rating.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a prompt fact's template from the counts of its question: {@code in only {yes} of the {relevant} inspected
 * cases} with 16 yes of 33 relevant → "in only 16 of the 33 inspected cases". Placeholders: {yes} {no}
 * {notApplicable} {relevant} {percentage}; case-service accepts no others. A figure withheld for small numbers (or
 * a percentage with nothing relevant) is written as "[withheld]" / "–", never guessed.
 */
public final class PromptFacts {

    /** The counts of one question in one breakdown group; null fields are withheld. */
    public record Counts(Integer yes, Integer no, Integer notApplicable, Integer relevant, Integer percentage,
            boolean withheld) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private PromptFacts() {
    }

    public static String render(String template, Counts counts) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "yes" -> figure(counts.yes(), counts);
                case "no" -> figure(counts.no(), counts);
                case "notApplicable" -> figure(counts.notApplicable(), counts);
                case "relevant" -> figure(counts.relevant(), counts);
                case "percentage" -> counts.withheld() ? "[withheld]"
                        : counts.percentage() == null ? "–" : counts.percentage().toString();
                default -> m.group(); // not a placeholder of ours: left as written
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String figure(Integer value, Counts counts) {
        return counts.withheld() || value == null ? "[withheld]" : value.toString();
    }
}
