package uk.probation.inspection.cases.workspace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import uk.probation.inspection.cases.casefile.AttributeFacts;

/** What the workspace's templates show: plain values, built inside the request's transaction. */
public final class Views {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private Views() {
    }

    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** The words for an answer value. */
    public static String answerLabel(String value) {
        if (value == null) {
            return "Not answered";
        }
        return switch (value) {
            case "YES" -> "Yes";
            case "NO" -> "No";
            case "NOT_APPLICABLE" -> "Not applicable";
            default -> value;
        };
    }

    /** The words for a rating value. */
    public static String ratingLabel(String value) {
        if (value == null) {
            return "Not rated";
        }
        String words = value.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An id usable in HTML for a question id such as {@code 2.2.3b}. */
    public static String anchor(String questionId) {
        return "q-" + questionId.replace('.', '-');
    }

    public record Option(String value, String label, boolean checked) {
    }

    public static List<Option> answerOptions(String current) {
        return List.of(new Option("YES", "Yes", "YES".equals(current)), new Option("NO", "No", "NO".equals(current)),
                new Option("NOT_APPLICABLE", "Not applicable", "NOT_APPLICABLE".equals(current)));
    }

    public record Nav(String inspectionId, String current, boolean lead) {
    }

    /** One inspection on the home page. */
    public record InspectionRow(String id, String name, String pdu, String region, String status, String role) {
    }

    /** Someone else's answer that replaced the one the inspector saw. */
    public record Conflict(String answer, String answerLabel, String note, int version, String recordedBy,
            String recordedAt) {
    }

    /** A key question or prompt with its current answer, and (after a refused save) what was sent and why. */
    public record Question(String id, String anchor, String text, boolean prompt, String answer, String answerLabel,
            String note, int version, String recordedBy, String recordedAt, List<Option> options, String error,
            Conflict conflict) {
    }

    public record KeyQuestion(Question question, List<Question> prompts) {
    }

    public record Standard(String id, String name, int answered, int total, List<KeyQuestion> keyQuestions) {
    }

    /** A case's reference and its declared attributes in words; {@code notAsked}: the standards that do not apply. */
    public record CaseFacts(String caseRef, List<AttributeFacts.Fact> facts, List<String> notAsked) {
    }

    /** The case list's filter ({@link CaseFilter}): the select's name and label, its options, and the one chosen. */
    public record Filter(String parameter, String label, List<Option> options, String selected) {
    }

    public record Member(String username, String role, String addedBy, String addedAt, boolean removable) {
    }

    public record Judgement(String anchor, String standardId, String name, String headline, String rating, String ratingLabel,
            String rationale, String strengths, String areasForImprovement, int version, String recordedBy,
            String recordedAt, List<Option> ratings, FormErrors errors) {

        /** The rating radios' id: the first option's, where the error summary's link lands. */
        public String ratingAnchor() {
            return anchor + "-rating";
        }
    }

    /** One line of the publishing task list. */
    public record Task(String name, String href, boolean done, String hint) {
    }
}
