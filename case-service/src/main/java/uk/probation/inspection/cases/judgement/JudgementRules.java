package uk.probation.inspection.cases.judgement;

import java.util.ArrayList;
import java.util.List;

import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.platform.problem.Problem.FieldError;

/** A judgement is for a JUDGEMENT standard of the framework, with one of its ratings and a rationale. */
public final class JudgementRules {

    public static final int MAX_RATIONALE = 20_000;

    private JudgementRules() {
    }

    public static List<FieldError> problems(Framework framework, String standardId, String rating, String rationale) {
        List<FieldError> errors = new ArrayList<>();
        Framework.Standard standard = framework.standard(standardId).orElse(null);
        if (standard == null) {
            errors.add(FieldError.field("standardId", "no standard '" + standardId + "' in this inspection's framework"));
        } else if (!Framework.Basis.JUDGEMENT.name().equals(standard.basis())) {
            errors.add(FieldError.field("standardId", "standard " + standardId + " is rated from "
                    + standard.basis() + ", not by judgement"));
        }
        if (rating == null || !framework.ratings().contains(rating)) {
            errors.add(FieldError.field("rating", (rating == null ? "is required" : "'" + rating + "' is not valid")
                    + ": one of " + framework.ratings()));
        }
        if (rationale == null || rationale.isBlank()) {
            errors.add(FieldError.field("rationale", "is required: the strengths and areas for improvement"));
        } else if (rationale.length() > MAX_RATIONALE) {
            errors.add(FieldError.field("rationale", "must be at most " + MAX_RATIONALE + " characters"));
        }
        return errors;
    }
}
