package uk.probation.inspection.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;

/**
 * A page asked for: at most {@code size} items after the keyset position {@code after} (the sort key of the last item
 * of the previous page; empty for the first page). Keyset rather than offset paging: an item inserted or removed
 * while a client walks the pages neither repeats nor hides the items around it.
 *
 * <p>The cursor is opaque to clients (base64url of the key's fields); anything that does not decode to a key of the
 * expected number of fields is a 400 naming {@code cursor}, a size outside 1..max a 400 naming {@code size}.
 */
public record PageRequest(int size, List<String> after) {

    public static final String CURSOR = "cursor";
    public static final String SIZE = "size";
    private static final String SEPARATOR = "\u001f";
    private static final int MAX_CURSOR = 2048;

    /**
     * @param keyFields how many fields the list's sort key has
     */
    public static PageRequest of(String cursor, String size, int defaultSize, int maxSize, int keyFields) {
        List<FieldError> errors = new ArrayList<>();
        int pageSize = defaultSize;
        if (size != null && !size.isEmpty()) { // "size=" is no size: the default
            try {
                pageSize = Integer.parseInt(size.trim());
                if (pageSize < 1 || pageSize > maxSize) {
                    errors.add(FieldError.field(SIZE, "must be between 1 and " + maxSize + ", not " + pageSize));
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.field(SIZE, "must be a whole number between 1 and " + maxSize));
            }
        }
        List<String> after = List.of();
        if (cursor != null && !cursor.isEmpty()) { // "cursor=" is the first page
            after = decode(cursor, keyFields);
            if (after == null) {
                errors.add(FieldError.field(CURSOR, "is not a cursor of this list (take it from the Link header's"
                        + " rel=\"next\")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad paging parameter", errors.size() + " paging parameter(s) are wrong",
                    errors);
        }
        return new PageRequest(pageSize, after);
    }

    /** For a cursor that decodes but whose fields do not parse as the list's key (someone else's, or forged). */
    public static ProblemException badCursor() {
        return new ProblemException(400, "Bad paging parameter", "1 paging parameter(s) are wrong", List.of(
                FieldError.field(CURSOR, "is not a cursor of this list (take it from the Link header's rel=\"next\")")));
    }

    public boolean first() {
        return after.isEmpty();
    }

    /** The cursor that continues after the item whose sort key is {@code key}. */
    public static String cursor(List<String> key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, key).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor, int keyFields) {
        if (cursor.length() > MAX_CURSOR) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> fields = Arrays.asList(text.split(SEPARATOR, -1));
            return fields.size() == keyFields ? List.copyOf(fields) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
