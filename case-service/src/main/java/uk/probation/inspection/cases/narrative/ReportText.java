package uk.probation.inspection.cases.narrative;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The current version of one part of an inspection's report text: a standard's narrative ({@code standard:2.2}),
 * the recommendations or the background. {@code body} is the part's JSON; every version is kept in report_text_version.
 */
@Entity
@Table(name = "report_text")
public class ReportText extends PanacheEntityBase {

    public static final String RECOMMENDATIONS = "recommendations";
    public static final String BACKGROUND = "background";

    @Id
    public UUID id;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    public String part;
    public String body;
    public int version;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static String standardPart(String standardId) {
        return "standard:" + standardId;
    }

    public static Optional<ReportText> find(UUID inspectionId, String part) {
        return ReportText.<ReportText>find("inspectionId = ?1 and part = ?2", inspectionId, part).firstResultOptional();
    }
}
