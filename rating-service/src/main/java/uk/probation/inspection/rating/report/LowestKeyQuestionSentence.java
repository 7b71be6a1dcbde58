package uk.probation.inspection.rating.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The sentence a published report uses to explain a case-based standard's rating from its lowest key question:
 * "Overall, the PDU is rated as 'Inadequate' for assessment as the lowest score out of the three key questions was
 * 36 per cent. This lowest score relates to keeping other people safe." When several key questions share the lowest
 * score it says so ("… was 30 per cent for two key questions. These lowest scores relate to supporting desistance
 * and keeping other people safe."). Derived from the figures alone, so it follows every answer until publication.
 */
public final class LowestKeyQuestionSentence {

    /** One key question as the sentence needs it; {@code percentage} null when nothing was relevant. */
    public record KeyQuestion(String id, String text, Integer percentage) {
    }

    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");

    private LowestKeyQuestionSentence() {
    }

    /**
     * @param standardName the standard's name ("Assessment"), written in lower case in the sentence
     * @param printedRating the rating as reports print it ("Inadequate")
     * @return the sentence, or null when no key question has a relevant case (the standard is not applicable)
     */
    public static String of(String standardName, String printedRating, List<KeyQuestion> keyQuestions) {
        List<KeyQuestion> scored = keyQuestions.stream().filter(q -> q.percentage() != null).toList();
        if (scored.isEmpty()) {
            return null;
        }
        int lowest = scored.stream().mapToInt(KeyQuestion::percentage).min().orElseThrow();
        List<KeyQuestion> atLowest = scored.stream().filter(q -> q.percentage() == lowest).toList();
        StringBuilder s = new StringBuilder("Overall, the PDU is rated as '").append(printedRating).append("' for ")
                .append(standardName.toLowerCase(Locale.ROOT)).append(" as the lowest score out of the ")
                .append(scored.size() == 1 ? "one key question" : number(scored.size()) + " key questions")
                .append(" was ").append(lowest).append(" per cent");
        if (atLowest.size() > 1) {
            s.append(" for ").append(number(atLowest.size())).append(" key questions");
        }
        s.append('.');
        List<String> topics = atLowest.stream().map(q -> topic(q.text())).filter(Objects::nonNull).toList();
        if (topics.size() == atLowest.size()) {
            s.append(atLowest.size() == 1 ? " This lowest score relates to " : " These lowest scores relate to ")
                    .append(list(topics)).append('.');
        }
        return s.toString();
    }

    /**
     * What a key question is about, from its wording: "Does assessment focus sufficiently on keeping other people
     * safe?" → "keeping other people safe"; "Does the implementation and delivery of services effectively support
     * desistance?" → "supporting desistance". Null for wording of another shape (the sentence then stops after the
     * score rather than guess).
     */
    static String topic(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().replaceAll("\\?$", "");
        int on = t.indexOf(" sufficiently on ");
        if (on >= 0) {
            return t.substring(on + " sufficiently on ".length());
        }
        int support = t.indexOf(" effectively support ");
        if (support >= 0) {
            return "supporting " + t.substring(support + " effectively support ".length());
        }
        int focus = t.indexOf(" with a focus on ");
        if (focus >= 0) {
            return t.substring(focus + " with a focus on ".length());
        }
        return null;
    }

    static String number(int n) {
        return n < NUMBERS.size() ? NUMBERS.get(n) : Integer.toString(n);
    }

    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
