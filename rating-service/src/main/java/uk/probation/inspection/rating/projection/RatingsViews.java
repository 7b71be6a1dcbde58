package uk.probation.inspection.rating.projection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.probation.inspection.events.ratings.InspectionRatings;

/** The JSON documents rating-service serves and publishes (contract.md); field order is the contract's. */
public final class RatingsViews {

    private RatingsViews() {
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

    /** One row of {@code GET /regions/{region}/ratings}. (The ratings document itself is an event type: events/.) */
    public record RegionRow(String id, String name, String region, String pdu, boolean published, String status,
            boolean provisional, Integer publicationVersion, OffsetDateTime publishedAt, InspectionRatings.Overall overall,
            Map<String, String> standards) {
    }
}
