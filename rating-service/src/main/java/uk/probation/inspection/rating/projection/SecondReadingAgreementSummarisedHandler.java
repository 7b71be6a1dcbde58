package uk.probation.inspection.rating.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised;
import uk.probation.inspection.rating.report.ReportTexts;

/**
 * Keeps the latest agreement of the second reading with the report's content ({@link ReportTextHandler}), so a
 * publication freezes it like the text; never part of the ratings.
 */
@ApplicationScoped
public class SecondReadingAgreementSummarisedHandler extends ReportTextHandler<SecondReadingAgreementSummarised> {

    @Inject
    ProjectionStore store;

    @Inject
    ReportTexts texts;

    @Override
    public Class<SecondReadingAgreementSummarised> type() {
        return SecondReadingAgreementSummarised.class;
    }

    @Override
    ProjectionStore store() {
        return store;
    }

    @Override
    void store(SecondReadingAgreementSummarised event) {
        texts.agreement(event);
    }
}
