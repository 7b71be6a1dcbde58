package uk.probation.inspection.cases.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.platform.outbox.OutboxWriter;

/**
 * Appends case-events (the types of events/, uk.probation.inspection.events.cases) to the outbox. Callers must hold
 * the inspection's row lock (see InspectionAccess), so that outbox order is commit order within an inspection.
 */
@ApplicationScoped
public class CaseEvents {

    @Inject
    OutboxWriter outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(CaseEvent event) {
        return outbox.append(Topics.CASE_EVENTS, event.inspectionId().toString(), event);
    }
}
