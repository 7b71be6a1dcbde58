package uk.probation.inspection.platform.problem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * The validation problems of one request, keeping only the first {@link #MAX_LISTED}. A body within the size limit
 * can still hold millions of bad items; keeping (and answering with) an error object for each would let one upload
 * exhaust the heap. Validators add every problem they find and stop checking once {@link #full()}.
 */
public final class ValidationErrors {

    /** The most problems listed in one answer, and the point at which checking stops. */
    public static final int MAX_LISTED = 100;

    private final List<FieldError> listed = new ArrayList<>();
    private int count;
    private boolean stoppedEarly;

    public void add(FieldError error) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(error);
        }
    }

    public void addAll(List<FieldError> errors) {
        errors.forEach(this::add);
    }

    /** True once enough problems are known to refuse the request: checking more would only cost time and memory. */
    public boolean full() {
        return count >= MAX_LISTED;
    }

    /** Records that items were left unchecked because the list was {@link #full()}: the count is then a lower bound. */
    public void stoppedEarly() {
        stoppedEarly = true;
    }

    /**
     * Checks {@code items} one at a time with {@code rules} (which adds the problems of one item here and returns
     * what to keep of it) until they end or the list is {@link #full()}. Returns what {@code rules} returned while
     * no problem was found, and nothing after the first problem: once the request is refused its items are not kept.
     */
    public <T, R> List<R> checkEach(Iterator<T> items, BiFunction<T, ValidationErrors, R> rules) {
        List<R> kept = new ArrayList<>();
        while (!full() && items.hasNext()) {
            R result = rules.apply(items.next(), this);
            if (isEmpty()) {
                kept.add(result);
            } else {
                kept.clear();
            }
        }
        if (full() && items.hasNext()) {
            stoppedEarly();
        }
        return isEmpty() ? kept : List.of();
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public int count() {
        return count;
    }

    public boolean truncated() {
        return stoppedEarly || count > listed.size();
    }

    public List<FieldError> listed() {
        return List.copyOf(listed);
    }

    /**
     * 422 listing the first problems, with {@code errorCount} and {@code truncated}; the detail starts with
     * {@code outcome} ("No case was registered") and says how many problems there are and how many are listed.
     */
    public ProblemException invalid(String outcome) {
        return refuse(outcome + ": " + summary());
    }

    /** "3 problem(s)", or "at least 1,234 problems; the first 100 are listed (checking stopped there)". */
    public String summary() {
        return truncated()
                ? "at least " + String.format("%,d", count) + " problems; the first " + listed.size()
                        + " are listed (checking stopped there)"
                : count + " problem(s)";
    }

    /** 422 with {@code detail}, the first problems, {@code errorCount} and {@code truncated}. */
    public ProblemException refuse(String detail) {
        return new ProblemException(422, "Validation failed", detail, listed, count, truncated());
    }
}
