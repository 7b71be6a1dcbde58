package uk.probation.inspection.cases.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * How big a framework may be. {@code inspection.opened} carries the whole framework to Kafka, and a record over
 * the broker's limit (1 MB by default, and the producer's max.request.size) can never be published: so a
 * framework is bounded well below it, by its JSON size and by its number of elements. The built-in framework is
 * about 15 KB with 3 domains, 11 standards and about 100 questions and prompts.
 */
public final class FrameworkLimits {

    /** The framework's JSON, as served and as carried in inspection.opened; a quarter of the broker's 1 MB. */
    public static final int MAX_JSON_BYTES = 256 * 1024;
    public static final int MAX_DOMAINS = 20;
    public static final int MAX_STANDARDS = 100;
    public static final int MAX_KEY_QUESTIONS = 500;
    public static final int MAX_PROMPTS = 2000;

    private FrameworkLimits() {
    }

    /** Every limit {@code framework} exceeds, given its JSON size in bytes; empty when it is small enough. */
    public static List<FieldError> exceeded(Framework framework, long jsonBytes) {
        List<FieldError> errors = new ArrayList<>();
        if (framework == null) {
            return errors;
        }
        List<Framework.Domain> domains = present(framework.domains());
        List<Framework.Standard> standards = domains.stream().flatMap(d -> present(d.standards()).stream()).toList();
        List<Framework.KeyQuestion> questions = standards.stream().flatMap(s -> present(s.keyQuestions()).stream())
                .toList();
        long prompts = questions.stream().mapToLong(q -> present(q.prompts()).size()).sum();
        atMost(errors, "domains", domains.size(), MAX_DOMAINS, "domains");
        atMost(errors, "domains[].standards", standards.size(), MAX_STANDARDS, "standards in all");
        atMost(errors, "domains[].standards[].keyQuestions", questions.size(), MAX_KEY_QUESTIONS, "key questions in all");
        atMost(errors, "domains[].standards[].keyQuestions[].prompts", prompts, MAX_PROMPTS, "prompts in all");
        if (jsonBytes > MAX_JSON_BYTES) {
            errors.add(FieldError.field("", "the framework is " + jsonBytes + " bytes as JSON; at most " + MAX_JSON_BYTES
                    + " (256 KB), because inspection.opened carries it to Kafka whole"));
        }
        return errors;
    }

    private static void atMost(List<FieldError> errors, String field, long count, int max, String what) {
        if (count > max) {
            errors.add(FieldError.field(field, "at most " + max + " " + what + " (this framework has " + count + ")"));
        }
    }

    private static <T> List<T> present(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
