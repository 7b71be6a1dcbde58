package uk.probation.inspection.cases.answer;

import java.util.Objects;

/**
 * Optimistic concurrency for one answer: the version the writer last saw ({@code If-Match} or
 * {@code expectedVersion}; 0 means "no answer yet") against the current one. Without an expected version every write
 * goes through (earlier clients keep working). A stale write that would change nothing (same answer, and the same
 * note or none sent) is let through as the no-op it is; any other stale write is a conflict.
 */
public final class AnswerVersionCheck {

    private AnswerVersionCheck() {
    }

    /** @return true when the write must be refused because someone else changed the answer since {@code expected} */
    public static boolean conflicts(Integer expected, Integer currentVersion, String currentAnswer, String currentNote,
            String answer, String note) {
        int current = currentVersion == null ? 0 : currentVersion;
        if (expected == null || expected == current) {
            return false;
        }
        boolean sameAnswer = Objects.equals(currentAnswer, answer);
        boolean sameNote = note == null || note.equals(currentNote);
        return !(sameAnswer && sameNote);
    }

    /**
     * Reads an {@code If-Match} value: an entity tag {@code "3"} (or weak {@code W/"3"}, or bare {@code 3}) whose
     * content is the answer's version; {@code *} or no header means no expectation (null).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Integer fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (tag.isEmpty() || tag.length() > 9 || !tag.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("must be the answer's version as an entity tag, e.g. \"3\" (0 for none yet)");
        }
        return Integer.parseInt(tag);
    }

    /** The entity tag of an answer's version. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }
}
