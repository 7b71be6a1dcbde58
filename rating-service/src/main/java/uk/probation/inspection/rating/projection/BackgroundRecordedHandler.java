package uk.probation.inspection.rating.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.BackgroundRecorded;
import uk.probation.inspection.rating.report.ReportTexts;

/** Keeps the latest background of the report text (see {@link ReportTextHandler}). */
@ApplicationScoped
public class BackgroundRecordedHandler extends ReportTextHandler<BackgroundRecorded> {

    @Inject
    ProjectionStore store;

    @Inject
    ReportTexts texts;

    @Override
    public Class<BackgroundRecorded> type() {
        return BackgroundRecorded.class;
    }

    @Override
    ProjectionStore store() {
        return store;
    }

    @Override
    void store(BackgroundRecorded event) {
        texts.background(event);
    }
}
