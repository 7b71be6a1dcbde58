package uk.probation.inspection.rating.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.NarrativeRecorded;
import uk.probation.inspection.rating.report.ReportTexts;

/** Keeps the latest narrative of the report text (see {@link ReportTextHandler}). */
@ApplicationScoped
public class NarrativeRecordedHandler extends ReportTextHandler<NarrativeRecorded> {

    @Inject
    ProjectionStore store;

    @Inject
    ReportTexts texts;

    @Override
    public Class<NarrativeRecorded> type() {
        return NarrativeRecorded.class;
    }

    @Override
    ProjectionStore store() {
        return store;
    }

    @Override
    void store(NarrativeRecorded event) {
        texts.narrative(event);
    }
}
