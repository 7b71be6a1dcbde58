package uk.probation.inspection.cases.sampling;

import java.time.LocalDate;
import java.util.Map;

/**
 * One case of the long list the sample is drawn from: its reference, responsible officer and unit, the attributes
 * strata match on ({@code gender}, {@code cohort}, {@code roshLevel} and any other), its start date (null when
 * unknown) and, when the list flags it ineligible, the reason.
 */
public record LongListCase(String caseRef, String officer, String unit, Map<String, String> attributes,
        LocalDate startDate, String exclude) {

    public LongListCase {
        attributes = Map.copyOf(attributes);
    }
}
