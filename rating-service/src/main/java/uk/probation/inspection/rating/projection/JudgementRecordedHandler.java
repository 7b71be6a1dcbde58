package uk.probation.inspection.rating.projection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import uk.probation.inspection.events.cases.JudgementRecorded;
import uk.probation.inspection.platform.consume.Received;
import uk.probation.inspection.rating.rules.Basis;
import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.Rating;

/** A judgement-rated standard takes its recorded rating; a stale version changes nothing. */
@ApplicationScoped
public class JudgementRecordedHandler implements CaseEventHandler<JudgementRecorded> {

    private static final Logger LOG = Logger.getLogger(JudgementRecordedHandler.class);

    @Inject
    Jdbc jdbc;

    @Inject
    ProjectionStore store;

    @Inject
    StandardMoves standards;

    @Override
    public Class<JudgementRecorded> type() {
        return JudgementRecorded.class;
    }

    @Override
    public void check(Received<JudgementRecorded> received) {
        EventFields.rating(received.event().rating());
    }

    @Override
    public void apply(List<Received<JudgementRecorded>> run, boolean announce, ApplyContext context) {
        for (Received<JudgementRecorded> received : run) {
            recorded(received.event(), announce, context);
        }
    }

    private void recorded(JudgementRecorded e, boolean announce, ApplyContext context) {
        UUID id = e.inspectionId();
        Rating rating = EventFields.rating(e.rating());
        store.lock(List.of(id), context);
        InspectionState state = context.inspections.get(id);
        if (state == null) {
            LOG.warnf("judgement.recorded for unknown inspection %s ignored", id);
            return;
        }
        Optional<Framework.Standard> standard = state.framework.standard(e.standardId());
        if (standard.isEmpty() || standard.get().basis() != Basis.JUDGEMENT) {
            throw new BadEventException("standard " + e.standardId() + " is not judgement-rated");
        }
        Optional<Integer> storedVersion = jdbc.one(
                "select version from judgement where inspection_id = ? and standard_id = ?",
                row -> row.getInt(1), id, e.standardId());
        if (storedVersion.isPresent() && storedVersion.get() >= e.version()) {
            return;
        }
        jdbc.update("""
                insert into judgement (inspection_id, standard_id, rating, version) values (?, ?, ?, ?)
                on conflict (inspection_id, standard_id) do update set rating = excluded.rating, version = excluded.version""",
                id, e.standardId(), rating.name(), e.version());
        standards.set(state, e.standardId(), state.framework.rules().rate(Basis.JUDGEMENT, List.of(), rating), announce);
    }
}
