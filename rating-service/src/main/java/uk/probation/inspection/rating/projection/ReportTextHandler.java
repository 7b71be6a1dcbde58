package uk.probation.inspection.rating.projection;

import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.platform.consume.Received;

/**
 * The report text's events (narrative.recorded, recommendations.recorded, background.recorded): stored under the
 * inspection's lock, so they are ordered with its answers and its publication (a snapshot frozen by
 * inspection.published holds exactly the text written before it).
 */
abstract class ReportTextHandler<E extends CaseEvent> implements CaseEventHandler<E> {

    private static final Logger LOG = Logger.getLogger(ReportTextHandler.class);

    abstract ProjectionStore store();

    abstract void store(E event);

    @Override
    public void apply(List<Received<E>> run, boolean announce, ApplyContext context) {
        for (Received<E> received : run) {
            UUID id = received.event().inspectionId();
            store().lock(List.of(id), context);
            if (context.inspections.get(id) == null) {
                LOG.warnf("%s for unknown inspection %s ignored", received.meta().type(), id);
                continue;
            }
            store(received.event());
        }
    }
}
