package uk.probation.inspection.cases.framework;

import java.util.List;
import java.util.Map;

import uk.probation.inspection.cases.framework.Framework.CaseAttribute;
import uk.probation.inspection.cases.framework.Framework.ValuesWhen;

/**
 * The case attributes of adult probation cases, with the JSON and CSV names clients have always used. The probation
 * framework declares exactly these; a framework registered without {@code caseAttributes} has them too, so that
 * frameworks registered before attributes were declarable keep working.
 */
public final class CaseAttributes {

    public static final List<CaseAttribute> PROBATION = List.of(
            new CaseAttribute("cohort", "Cohort", "ENUM", List.of("COMMUNITY", "RESETTLEMENT"), true, "cohort", true,
                    null, null, null),
            new CaseAttribute("sentenceType", "Sentence type", "ENUM",
                    List.of("COMMUNITY_ORDER", "SUSPENDED_SENTENCE_ORDER", "LICENCE", "POST_SENTENCE_SUPERVISION"),
                    true, "sentence_type", false, null, null,
                    new ValuesWhen("cohort", Map.of("COMMUNITY", List.of("COMMUNITY_ORDER", "SUSPENDED_SENTENCE_ORDER"),
                            "RESETTLEMENT", List.of("LICENCE", "POST_SENTENCE_SUPERVISION")))),
            new CaseAttribute("youngAdult", "Young adult (18-24)", "BOOLEAN", null, true, "young_adult", true, null,
                    null, null),
            new CaseAttribute("gender", "Gender", "ENUM", List.of("MALE", "FEMALE", "OTHER", "NOT_RECORDED"), true,
                    "gender", true, null, null, null),
            new CaseAttribute("ethnicity", "Ethnicity", "TEXT", null, true, "ethnicity", true, 60, null, null),
            new CaseAttribute("roshLevel", "Risk of serious harm", "ENUM", List.of("LOW", "MEDIUM", "HIGH", "VERY_HIGH"),
                    true, "rosh_level", true, null, null, null),
            new CaseAttribute("startDate", "Start date", "DATE", null, true, "start_date", false, null, true, null));

    private CaseAttributes() {
    }
}
