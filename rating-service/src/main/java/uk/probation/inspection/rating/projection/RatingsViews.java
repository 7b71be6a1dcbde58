package uk.probation.inspection.rating.projection;

import java.util.List;
import java.util.Map;

/** The JSON documents rating-service serves and publishes (contract.md); field order is the contract's. */
public final class RatingsViews {

    private RatingsViews() {
    }

    /** {@code GET /inspections/{id}/ratings} and the {@code rating.snapshot} event. */
    public record InspectionRatings(String inspectionId, String name, String region, String pdu, String frameworkId,
            boolean published, Overall overall, List<StandardView> standards) {
    }

    public record Overall(String rating, int score, int maxScore) {
    }

    public record StandardView(String id, String name, String basis, String rating, Integer lowestKeyQuestion,
            List<KeyQuestionView> keyQuestions) {
    }

    public record KeyQuestionView(String id, String text, int yes, int no, int notApplicable, int relevant,
            Integer percentage) {
    }

    /** One row of {@code GET /inspections/{id}/questions}: a key question or prompt within one breakdown. */
    public record QuestionView(String id, int yes, int no, int notApplicable, int relevant, Integer percentage) {
    }

    /** One row of {@code GET /regions/{region}/ratings}. */
    public record RegionRow(String id, String name, String region, String pdu, boolean published, Overall overall,
            Map<String, String> standards) {
    }
}
