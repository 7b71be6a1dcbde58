package uk.probation.inspection.events.ratings;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The ratings of one inspection: the data of {@code rating.snapshot} (live, {@code provisional: true}) and of
 * {@code rating.published} (a publication, {@code provisional: false}), and what {@code GET /inspections/{id}/ratings}
 * answers. {@code published}: some publication is visible to viewers; {@code publicationVersion}/{@code publishedAt}:
 * the publication this is (published) or the one viewers see (live), null before the first.
 */
public record InspectionRatings(String inspectionId, String name, String region, String pdu, String frameworkId,
        boolean published, String status, boolean provisional, Integer publicationVersion,
        OffsetDateTime publishedAt, Overall overall, List<StandardView> standards) {

    /** These figures as publication {@code version}, visible from {@code at}. */
    public InspectionRatings asPublication(int version, OffsetDateTime at) {
        return new InspectionRatings(inspectionId, name, region, pdu, frameworkId, true, "PUBLISHED", false,
                version, at, overall, standards);
    }

    public record Overall(String rating, int score, int maxScore) {
    }

    public record StandardView(String id, String name, String basis, String rating, Integer lowestKeyQuestion,
            List<KeyQuestionView> keyQuestions) {
    }

    public record KeyQuestionView(String id, String text, int yes, int no, int notApplicable, int relevant,
            Integer percentage) {
    }
}
