package uk.probation.inspection.cases.secondreading;

import java.util.UUID;

import uk.probation.inspection.cases.secondreading.SecondReadingService.AgreementReport;
import uk.probation.inspection.cases.secondreading.SecondReadingService.Figures;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised.Disagreement;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised.InspectorFigures;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised.KeyQuestionFigures;

/** The agreement report as the event that carries it to rating-service (reasons cut to the event's limit). */
final class AgreementSummary {

    private AgreementSummary() {
    }

    static SecondReadingAgreementSummarised of(UUID inspectionId, int version, AgreementReport report) {
        return new SecondReadingAgreementSummarised(inspectionId, version, figures(report.overall()),
                report.keyQuestions().stream().map(q -> new KeyQuestionFigures(q.id(), figures(q.agreement()))).toList(),
                report.inspectors().stream().map(i -> new InspectorFigures(i.inspector(), figures(i.agreement())))
                        .toList(),
                report.disagreements().stream().map(d -> new Disagreement(d.caseRef(), d.questionId(), d.firstAnswer(),
                        d.firstBy(), d.secondAnswer(), d.reader(),
                        d.resolution() == null ? null : d.resolution().outcome(),
                        d.resolution() == null ? null : d.resolution().answer(),
                        d.resolution() == null ? null : cut(d.resolution().reason()),
                        d.resolution() == null ? null : d.resolution().resolvedBy())).toList());
    }

    private static SecondReadingAgreementSummarised.Figures figures(Figures f) {
        return new SecondReadingAgreementSummarised.Figures(f.pairs(), f.agreed(), f.percentage(), f.kappa());
    }

    static String cut(String reason) {
        int max = SecondReadingAgreementSummarised.MAX_REASON;
        return reason == null || reason.length() <= max ? reason : reason.substring(0, max - 1) + "…";
    }
}
