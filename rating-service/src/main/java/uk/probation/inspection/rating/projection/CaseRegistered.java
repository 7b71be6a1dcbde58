package uk.probation.inspection.rating.projection;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.rating.projection.Breakdown.CaseAttributes;

/** A validated {@code case.registered} event: the case attributes its answers are tallied under. */
record CaseRegistered(UUID inspectionId, String caseRef, CaseAttributes attributes) {

    static CaseRegistered of(JsonNode data) {
        return new CaseRegistered(EventFields.uuid(data, "inspectionId"), EventFields.text(data, "caseRef"),
                new CaseAttributes(EventFields.optionalText(data, "cohort"), data.path("youngAdult").asBoolean(false),
                        EventFields.optionalText(data, "gender"), EventFields.optionalText(data, "ethnicity"),
                        EventFields.optionalText(data, "roshLevel")));
    }

    ApplyContext.CaseKey key() {
        return new ApplyContext.CaseKey(inspectionId, caseRef);
    }
}
