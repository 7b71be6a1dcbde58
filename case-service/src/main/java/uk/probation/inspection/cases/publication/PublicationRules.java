package uk.probation.inspection.cases.publication;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.platform.problem.Problem.FieldError;

/**
 * What must hold before an inspection may be published, and what a publication time may be. Plain rules over
 * plain data, so they are trivial to test; {@link PublicationService} gathers the data under the inspection's lock.
 */
public final class PublicationRules {

    /** An embargo further ahead than this is almost certainly a typing mistake (a year instead of a month). */
    public static final Duration LATEST_EMBARGO = Duration.ofDays(366);
    public static final int MAX_REASON = 2000;

    private PublicationRules() {
    }

    /**
     * Every unmet precondition, in framework order: a judgement-rated standard without a judgement
     * ({@code judgements/<standardId>}), and each key question of a case-rated standard a case has no answer for
     * ({@code cases/<caseRef>/answers/<questionId>}; NOT_APPLICABLE is an answer). The field names are the paths
     * of the endpoints that would mend them.
     *
     * @param answered each sampled case's reference, in registration order, to the questions it has answers for
     */
    public static List<FieldError> unmet(Framework framework, Set<String> judged, Map<String, Set<String>> answered) {
        return unmet(framework, judged, answered, Map.of());
    }

    /**
     * As {@link #unmet(Framework, Set, Map)}, a case owing answers only to the standards that apply to it (their
     * {@code appliesTo}, against {@code caseValues}: case reference to attribute values; a case left out owes all).
     */
    public static List<FieldError> unmet(Framework framework, Set<String> judged, Map<String, Set<String>> answered,
            Map<String, Map<String, Object>> caseValues) {
        List<FieldError> unmet = new ArrayList<>();
        List<Framework.Standard> caseStandards = new ArrayList<>();
        for (Framework.Domain domain : framework.domains()) {
            for (Framework.Standard standard : domain.standards()) {
                if ("JUDGEMENT".equals(standard.basis()) && !judged.contains(standard.id())) {
                    unmet.add(FieldError.field("judgements/" + standard.id(),
                            "standard " + standard.id() + " (" + standard.name() + ") has no judgement"));
                } else if ("CASES".equals(standard.basis())) {
                    caseStandards.add(standard);
                }
            }
        }
        answered.forEach((caseRef, questions) -> {
            Map<String, Object> values = caseValues.get(caseRef);
            List<String> keyQuestions = caseStandards.stream()
                    .filter(s -> values == null || s.notApplicableBecause(values).isEmpty())
                    .flatMap(s -> s.keyQuestions().stream()).map(Framework.KeyQuestion::id).toList();
            for (String question : keyQuestions) {
                if (!questions.contains(question)) {
                    unmet.add(FieldError.field("cases/" + caseRef + "/answers/" + question,
                            "case " + caseRef + " has no answer to key question " + question));
                }
            }
        });
        return unmet;
    }

    /**
     * When the publication becomes visible: {@code now} without an {@code at}; otherwise {@code at}, which must be an
     * ISO-8601 instant in the future and within {@link #LATEST_EMBARGO}.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code at}
     */
    public static Instant visibleFrom(String at, Instant now) {
        if (at == null) {
            return now;
        }
        Instant instant;
        try {
            instant = Instant.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + abbreviate(at) + "' is not an ISO-8601 instant (e.g. 2026-12-01T09:30:00Z)");
        }
        if (!instant.isAfter(now)) {
            throw new IllegalArgumentException("must be in the future (leave it out to publish now)");
        }
        if (instant.isAfter(now.plus(LATEST_EMBARGO))) {
            throw new IllegalArgumentException("must be within " + LATEST_EMBARGO.toDays() + " days");
        }
        return instant;
    }

    /** @return what is wrong with a reopening reason, or null */
    public static String reasonProblem(String reason) {
        if (reason == null || reason.isBlank()) {
            return "is required: say why the inspection is reopened";
        }
        if (reason.length() > MAX_REASON) {
            return "must be at most " + MAX_REASON + " characters";
        }
        if (reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return "must not contain control characters";
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
