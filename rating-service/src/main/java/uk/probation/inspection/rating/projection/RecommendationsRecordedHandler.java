package uk.probation.inspection.rating.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.RecommendationsRecorded;
import uk.probation.inspection.rating.report.ReportTexts;

/** Keeps the latest recommendations of the report text (see {@link ReportTextHandler}). */
@ApplicationScoped
public class RecommendationsRecordedHandler extends ReportTextHandler<RecommendationsRecorded> {

    @Inject
    ProjectionStore store;

    @Inject
    ReportTexts texts;

    @Override
    public Class<RecommendationsRecorded> type() {
        return RecommendationsRecorded.class;
    }

    @Override
    ProjectionStore store() {
        return store;
    }

    @Override
    void store(RecommendationsRecorded event) {
        texts.recommendations(event);
    }
}
