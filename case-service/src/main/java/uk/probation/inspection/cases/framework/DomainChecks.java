package uk.probation.inspection.cases.framework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the tree of domains, standards, key questions and prompts, and that each of their ids is unique. */
final class DomainChecks {

    static final Pattern ELEMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.]{0,31}");

    private final FieldErrors errors;
    private final AppliesToChecks appliesTo;
    /** Every id of domains, standards, key questions and prompts, with where it was first seen. */
    private final Map<String, String> ids = new HashMap<>();

    DomainChecks(FieldErrors errors, AppliesToChecks appliesTo) {
        this.errors = errors;
        this.appliesTo = appliesTo;
    }

    void check(List<Framework.Domain> domains) {
        if (domains == null || domains.isEmpty()) {
            errors.error("domains", "at least one domain is required");
            return;
        }
        int rated = 0;
        int counted = 0;
        for (int d = 0; d < domains.size(); d++) {
            Framework.Domain domain = domains.get(d);
            String at = "domains[" + d + "]";
            if (domain == null) {
                errors.error(at, "must not be null");
                continue;
            }
            id(at + ".id", domain.id());
            errors.text(at + ".name", domain.name());
            if (domain.standards() == null || domain.standards().isEmpty()) {
                errors.error(at + ".standards", "at least one standard is required");
                continue;
            }
            for (int s = 0; s < domain.standards().size(); s++) {
                Framework.Standard standard = domain.standards().get(s);
                if (checkStandard(at + ".standards[" + s + "]", standard)) {
                    rated++;
                    if (standard.counts()) {
                        counted++;
                    }
                }
            }
        }
        if (rated == 0) {
            errors.error("domains", "at least one standard must be rated (basis JUDGEMENT or CASES)");
        } else if (counted == 0) {
            errors.error("domains", "at least one rated standard must count towards the overall rating");
        }
    }

    /** Returns true when the standard is rated. */
    private boolean checkStandard(String at, Framework.Standard standard) {
        if (standard == null) {
            errors.error(at, "must not be null");
            return false;
        }
        id(at + ".id", standard.id());
        errors.text(at + ".name", standard.name());
        errors.text(at + ".headline", standard.headline());
        appliesTo.check(at + ".appliesTo", standard);
        Framework.Basis basis = null;
        try {
            basis = standard.basis() == null ? null : Framework.Basis.valueOf(standard.basis());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (basis == null) {
            errors.error(at + ".basis", "must be one of JUDGEMENT, CASES, NONE");
        }
        List<Framework.KeyQuestion> questions = standard.keyQuestions();
        if (questions == null) {
            errors.error(at + ".keyQuestions", "is required (an empty list for a JUDGEMENT standard)");
            return basis == Framework.Basis.JUDGEMENT;
        }
        if (basis == Framework.Basis.CASES && questions.isEmpty()) {
            errors.error(at + ".keyQuestions", "a CASES standard needs at least one key question");
        }
        if (basis == Framework.Basis.JUDGEMENT && !questions.isEmpty()) {
            errors.error(at + ".keyQuestions", "a JUDGEMENT standard is rated by a lead inspector and has no key questions");
        }
        for (int q = 0; q < questions.size(); q++) {
            checkKeyQuestion(at + ".keyQuestions[" + q + "]", questions.get(q));
        }
        return basis == Framework.Basis.JUDGEMENT || basis == Framework.Basis.CASES;
    }

    private void checkKeyQuestion(String at, Framework.KeyQuestion question) {
        if (question == null) {
            errors.error(at, "must not be null");
            return;
        }
        boolean validId = id(at + ".id", question.id());
        errors.text(at + ".text", question.text());
        if (question.prompts() == null) {
            errors.error(at + ".prompts", "is required (may be empty)");
            return;
        }
        for (int p = 0; p < question.prompts().size(); p++) {
            Framework.Prompt prompt = question.prompts().get(p);
            String promptAt = at + ".prompts[" + p + "]";
            if (prompt == null) {
                errors.error(promptAt, "must not be null");
                continue;
            }
            if (id(promptAt + ".id", prompt.id()) && validId
                    && !prompt.id().matches(Pattern.quote(question.id()) + "[a-z]")) {
                errors.error(promptAt + ".id", "'" + prompt.id() + "' does not belong to key question '" + question.id()
                        + "': a prompt id is its key question's id followed by one letter (" + question.id() + "a)");
            }
            errors.text(promptAt + ".text", prompt.text());
        }
    }

    /** Checks an element id's form and that no other domain, standard, key question or prompt has it. */
    private boolean id(String at, String id) {
        if (id == null || !ELEMENT_ID.matcher(id).matches()) {
            errors.error(at, "must be 1-32 letters, digits or dots, starting with a letter or digit");
            return false;
        }
        String first = ids.putIfAbsent(id, at);
        if (first != null) {
            errors.error(at, "'" + id + "' is already the id of " + first.replaceAll("\\.id$", ""));
            return false;
        }
        return true;
    }
}
