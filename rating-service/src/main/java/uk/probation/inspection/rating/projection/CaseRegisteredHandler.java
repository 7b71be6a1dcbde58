package uk.probation.inspection.rating.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.rating.rules.Dimension;
import uk.probation.inspection.rating.rules.Framework;

import uk.probation.inspection.events.cases.CaseRegistered;
import uk.probation.inspection.platform.consume.Received;

/** Runs of case registrations (a sample is registered in one go) are written together ({@link CaseRegistrations}). */
@ApplicationScoped
public class CaseRegisteredHandler implements CaseEventHandler<CaseRegistered> {

    @Inject
    CaseRegistrations registrations;

    @Inject
    FrameworkCache frameworks;

    @Override
    public Class<CaseRegistered> type() {
        return CaseRegistered.class;
    }

    @Override
    public boolean appliesRuns() {
        return true;
    }

    @Override
    public void apply(List<Received<CaseRegistered>> run, boolean announce, ApplyContext context) {
        registrations.apply(run.stream().map(r -> CaseRegistration.of(r.event(), frameworks.of(r.event().inspectionId())
                .map(Framework::dimensions).orElse(Dimension.PROBATION))).toList(), context);
    }
}
