package uk.probation.inspection.events.cases;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import uk.probation.inspection.events.EventType;

/**
 * How far the second reading of an inspection agrees with the first, as it stands after a second answer or a
 * resolution changed it: overall, per key question and per first-reading inspector (percentage agreement and Cohen's
 * kappa, null when undefined), and every disagreement with its resolution (null fields until resolved; the reason
 * cut to {@link #MAX_REASON} characters so the event stays small). {@code version} rises with every change, so a
 * consumer keeps the latest. Per-inspector figures and disagreements are for the team only.
 */
@EventType("second.reading.agreement.summarised")
public record SecondReadingAgreementSummarised(
        @JsonProperty(required = true) UUID inspectionId,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) Figures overall,
        @JsonProperty(required = true) List<KeyQuestionFigures> keyQuestions,
        @JsonProperty(required = true) List<InspectorFigures> inspectors,
        @JsonProperty(required = true) List<Disagreement> disagreements)
        implements CaseEvent {

    public static final int MAX_REASON = 300;

    /** {@code percentage} one decimal, {@code kappa} three; both null with no pair, kappa null when undefined. */
    public record Figures(int pairs, int agreed, Double percentage, Double kappa) {
    }

    public record KeyQuestionFigures(String id, Figures agreement) {
    }

    public record InspectorFigures(String inspector, Figures agreement) {
    }

    /** {@code outcome} KEPT or CHANGED, {@code answer} the one that stands; all four null while unresolved. */
    public record Disagreement(String caseRef, String questionId, String firstAnswer, String firstBy,
            String secondAnswer, String reader, String outcome, String answer, String reason, String resolvedBy) {
    }
}
