package uk.probation.inspection.cases.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An inspection's metadata, as every reader may see it (never case data). */
public record InspectionView(UUID id, String name, String region, String pdu, String frameworkId,
        LocalDate fieldworkStart, LocalDate sampleFrom, LocalDate sampleTo, String status, String openedBy,
        Instant openedAt, String publishedBy, Instant publishedAt) {

    public static InspectionView of(Inspection i) {
        return new InspectionView(i.id, i.name, i.region, i.pdu, i.frameworkId, i.fieldworkStart, i.sampleFrom,
                i.sampleTo, i.status.name(), i.openedBy, i.openedAt, i.publishedBy, i.publishedAt);
    }
}
