package uk.probation.inspection.events.ratings;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;

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

    /**
     * {@code settled} and {@code changesToMove} (how sure the band is) only for a case-based standard with relevant
     * cases, absent otherwise. Optional when read, so figures written before they existed still decode.
     */
    public record StandardView(String id, String name, String basis, String rating, Integer lowestKeyQuestion,
            List<KeyQuestionView> keyQuestions,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JacksonInject(value = "settled", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE) Boolean settled,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JacksonInject(value = "changesToMove", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
            ChangesToMove changesToMove) {

        public StandardView(String id, String name, String basis, String rating, Integer lowestKeyQuestion,
                List<KeyQuestionView> keyQuestions) {
            this(id, name, basis, rating, lowestKeyQuestion, keyQuestions, null, null);
        }
    }

    /**
     * {@code interval}: the 95% Wilson score interval of yes ÷ relevant in per cent, one decimal; absent when nothing
     * is relevant (and in figures written before it existed).
     */
    public record KeyQuestionView(String id, String text, int yes, int no, int notApplicable, int relevant,
            Integer percentage,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @JacksonInject(value = "interval", useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE) Interval interval) {

        public KeyQuestionView(String id, String text, int yes, int no, int notApplicable, int relevant,
                Integer percentage) {
            this(id, text, yes, no, notApplicable, relevant, percentage, null);
        }
    }

    /** Per cent, one decimal. */
    public record Interval(double low, double high) {
    }

    /** The fewest answers flipped between YES and NO that move the band up or down; null at the top or bottom band. */
    public record ChangesToMove(Integer up, Integer down) {
    }
}
