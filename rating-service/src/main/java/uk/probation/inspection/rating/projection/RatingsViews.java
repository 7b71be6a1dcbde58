package uk.probation.inspection.rating.projection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON documents rating-service serves and publishes (contract.md); field order is the contract's. */
public final class RatingsViews {

    private RatingsViews() {
    }

    /**
     * {@code GET /inspections/{id}/ratings}, the {@code rating.snapshot} and {@code rating.published} events.
     * {@code provisional}: live figures (the team's view) rather than a publication's; {@code published}: some
     * publication is visible to viewers; {@code publicationVersion}/{@code publishedAt}: the publication this is
     * (in a published snapshot) or the one viewers see (in live figures), null before the first.
     */
    public record InspectionRatings(String inspectionId, String name, String region, String pdu, String frameworkId,
            boolean published, String status, boolean provisional, Integer publicationVersion,
            OffsetDateTime publishedAt, Overall overall, List<StandardView> standards) {

        /** These figures as publication {@code version}, visible from {@code at}. */
        public InspectionRatings asPublication(int version, OffsetDateTime at) {
            return new InspectionRatings(inspectionId, name, region, pdu, frameworkId, true, "PUBLISHED", false,
                    version, at, overall, standards);
        }
    }

    public record Overall(String rating, int score, int maxScore) {
    }

    public record StandardView(String id, String name, String basis, String rating, Integer lowestKeyQuestion,
            List<KeyQuestionView> keyQuestions) {
    }

    public record KeyQuestionView(String id, String text, int yes, int no, int notApplicable, int relevant,
            Integer percentage) {
    }

    /**
     * One row of {@code GET /inspections/{id}/questions}: a key question or prompt within one breakdown. For viewers
     * a row of a small group has every count withheld (null) and {@code suppressed: true}.
     */
    public record QuestionView(String id, Integer yes, Integer no, Integer notApplicable, Integer relevant,
            Integer percentage, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean suppressed) {

        public QuestionView(String id, int yes, int no, int notApplicable, int relevant, Integer percentage) {
            this(id, yes, no, notApplicable, relevant, percentage, null);
        }

        public QuestionView withheld() {
            return new QuestionView(id, null, null, null, null, null, true);
        }

        public boolean wasWithheld() {
            return Boolean.TRUE.equals(suppressed);
        }
    }

    /** One row of {@code GET /regions/{region}/ratings}. */
    public record RegionRow(String id, String name, String region, String pdu, boolean published, String status,
            boolean provisional, Integer publicationVersion, OffsetDateTime publishedAt, Overall overall,
            Map<String, String> standards) {
    }
}
