package uk.probation.inspection.platform.problem;

import java.util.ArrayList;
import java.util.List;

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
        String found = truncated()
                ? "at least " + String.format("%,d", count) + " problems; the first " + listed.size()
                        + " are listed (checking stopped there)"
                : count + " problem(s)";
        return new ProblemException(422, "Validation failed", outcome + ": " + found, listed, count, truncated());
    }
}
