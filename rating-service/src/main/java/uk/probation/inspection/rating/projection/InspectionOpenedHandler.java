package uk.probation.inspection.rating.projection;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.InspectionOpened;
import uk.probation.inspection.platform.consume.Received;
import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.InvalidFrameworkException;
import uk.probation.inspection.rating.rules.StandardResult;

/** A new inspection: its row, every standard's initial rating, its lead on the team, its framework parsed. */
@ApplicationScoped
public class InspectionOpenedHandler implements CaseEventHandler<InspectionOpened> {

    @Inject
    Jdbc jdbc;

    @Inject
    FrameworkCache frameworks;

    @Inject
    ProjectionStore store;

    @Override
    public Class<InspectionOpened> type() {
        return InspectionOpened.class;
    }

    @Override
    public void check(Received<InspectionOpened> received) {
        framework(received.event());
    }

    @Override
    public void apply(List<Received<InspectionOpened>> run, boolean announce, ApplyContext context) {
        for (Received<InspectionOpened> received : run) {
            opened(received.event(), context);
        }
    }

    private void opened(InspectionOpened e, ApplyContext context) {
        UUID id = e.inspectionId();
        Framework framework = framework(e);
        if (context.inspections.containsKey(id)) {
            store.flush(context); // opened again: what this transaction holds of it is read afresh
            context.inspections.remove(id);
        }
        context.unknown.remove(id);
        jdbc.update("""
                insert into inspection (id, name, region, pdu, framework_id, framework, snapshot_dirty,
                    fieldwork_start, sample_from, sample_to)
                values (?, ?, ?, ?, ?, ?, true, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, region = excluded.region, pdu = excluded.pdu,
                    snapshot_dirty = true, fieldwork_start = excluded.fieldwork_start,
                    sample_from = excluded.sample_from, sample_to = excluded.sample_to""",
                id, e.name(), e.region(), e.pdu(), framework.id(), e.framework().toString(), e.fieldworkStart(),
                e.sampleFrom(), e.sampleTo());
        for (Framework.Standard standard : framework.standards()) {
            StandardResult initial = framework.rules().rate(standard.basis(), List.of(), null);
            jdbc.update("""
                    insert into standard_rating (inspection_id, standard_id, rating, lowest_key_question)
                    values (?, ?, ?, null) on conflict do nothing""", id, standard.id(), initial.rating().name());
        }
        jdbc.update("insert into team_member (inspection_id, username, role) values (?, ?, 'LEAD') on conflict do nothing",
                id, e.openedBy());
        frameworks.put(id, framework);
    }

    private static Framework framework(InspectionOpened e) {
        try {
            return Framework.fromJson(e.framework());
        } catch (InvalidFrameworkException x) {
            throw new BadEventException("inspection.opened " + e.inspectionId() + ": " + x.getMessage(), x);
        }
    }
}
