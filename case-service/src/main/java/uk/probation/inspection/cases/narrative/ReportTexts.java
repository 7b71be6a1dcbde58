package uk.probation.inspection.cases.narrative;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.platform.security.Caller;

/** Stores a part of the report text as a new version, unless it is unchanged (then nothing is written). */
@ApplicationScoped
public class ReportTexts {

    /** The part after the write; {@code changed} is false when it equalled the current version. */
    public record Recorded(ReportText text, boolean changed) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    /**
     * The caller must hold the inspection's lock (InspectionAccess), so versions and events follow commit order.
     * {@code expected}: the version the writer last saw (0: none yet), or null to write whatever is current; the same
     * text again is never a conflict, since nothing would be overwritten.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded record(UUID inspectionId, String part, Object body, Integer expected) {
        String serialised = write(body);
        ReportText current = ReportText.find(inspectionId, part).orElse(null);
        if (current != null && current.body.equals(serialised)) {
            return new Recorded(current, false);
        }
        int currentVersion = current == null ? 0 : current.version;
        if (expected != null && expected != currentVersion) {
            throw new StaleReportTextException(part, currentVersion, current == null ? null : current.recordedBy, expected);
        }
        if (current == null) {
            current = new ReportText();
            current.id = UUID.randomUUID();
            current.inspectionId = inspectionId;
            current.part = part;
        }
        current.body = serialised;
        current.version++;
        current.recordedBy = caller.username();
        current.recordedAt = Instant.now();
        if (current.version == 1) {
            current.persist();
        }
        ReportTextVersion version = new ReportTextVersion();
        version.id = UUID.randomUUID();
        version.reportTextId = current.id;
        version.version = current.version;
        version.body = serialised;
        version.recordedBy = current.recordedBy;
        version.recordedAt = current.recordedAt;
        version.persist();
        return new Recorded(current, true);
    }

    public List<ReportTextVersion> history(UUID inspectionId, String part) {
        return ReportTextVersion.<ReportTextVersion>list(
                "reportTextId in (select t.id from ReportText t where t.inspectionId = ?1 and t.part = ?2) order by version",
                inspectionId, part);
    }

    public <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report text is unreadable", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
