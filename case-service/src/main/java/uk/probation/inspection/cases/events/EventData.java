package uk.probation.inspection.cases.events;

import java.util.UUID;

import uk.probation.inspection.cases.framework.Framework;

/** The {@code data} of every case-events type, exactly as docs/events.md and docs/events/*.schema.json describe. */
public final class EventData {

    private EventData() {
    }

    public record InspectionOpened(UUID inspectionId, String name, String region, String pdu, String frameworkId,
            String fieldworkStart, String sampleFrom, String sampleTo, String openedBy, Framework framework) {
    }

    /** {@code publishedAt}: when viewers may see it (RFC 3339); {@code scheduled}: that time was in the future. */
    public record InspectionPublished(UUID inspectionId, String publishedBy, int publicationVersion,
            String publishedAt, boolean scheduled) {
    }

    /**
     * {@code publicationVersion}: the version viewers keep seeing (0 for none); {@code cancelledVersion}: the
     * scheduled version this reopening cancelled, which never becomes visible (null if none).
     */
    public record InspectionReopened(UUID inspectionId, String reopenedBy, String reason, int publicationVersion,
            Integer cancelledVersion) {
    }

    public record TeamMemberAdded(UUID inspectionId, String username, String role) {
    }

    public record TeamMemberRemoved(UUID inspectionId, String username) {
    }

    public record CaseRegistered(UUID inspectionId, String caseRef, String cohort, String sentenceType,
            boolean youngAdult, String gender, String ethnicity, String roshLevel, String startDate) {
    }

    public record AnswerRecorded(UUID inspectionId, String caseRef, String questionId, String answer,
            String previousAnswer, int version, String recordedBy) {
    }

    public record JudgementRecorded(UUID inspectionId, String standardId, String rating, String previousRating,
            int version, String rationale, String recordedBy) {
    }
}
