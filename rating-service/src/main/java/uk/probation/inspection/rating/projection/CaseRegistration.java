package uk.probation.inspection.rating.projection;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.probation.inspection.events.cases.CaseRegistered;
import uk.probation.inspection.rating.projection.Breakdown.CaseAttributes;
import uk.probation.inspection.rating.rules.Dimension;

/**
 * A validated {@code case.registered} event: the tallies its answers count in (from its framework's breakdown
 * dimensions) and its attribute values as sent.
 */
record CaseRegistration(UUID inspectionId, String caseRef, CaseAttributes attributes, Map<String, Object> values) {

    static CaseRegistration of(CaseRegistered event, List<Dimension> dimensions) {
        Map<String, Object> values = event.attributeValues();
        return new CaseRegistration(event.inspectionId(), event.caseRef(), CaseAttributes.of(dimensions, values), values);
    }

    String text(String attribute) {
        Object value = values.get(attribute);
        return value == null ? null : String.valueOf(value);
    }

    ApplyContext.CaseKey key() {
        return new ApplyContext.CaseKey(inspectionId, caseRef);
    }
}
