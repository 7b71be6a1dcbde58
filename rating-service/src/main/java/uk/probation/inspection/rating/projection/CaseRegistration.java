package uk.probation.inspection.rating.projection;

import java.util.UUID;

import uk.probation.inspection.events.cases.CaseRegistered;

import uk.probation.inspection.rating.projection.Breakdown.CaseAttributes;

/** A validated {@code case.registered} event: the case attributes its answers are tallied under. */
record CaseRegistration(UUID inspectionId, String caseRef, CaseAttributes attributes) {

    static CaseRegistration of(CaseRegistered event) {
        return new CaseRegistration(event.inspectionId(), event.caseRef(), new CaseAttributes(event.cohort(),
                event.youngAdult(), event.gender(), event.ethnicity(), event.roshLevel()));
    }

    ApplyContext.CaseKey key() {
        return new ApplyContext.CaseKey(inspectionId, caseRef);
    }
}
