package uk.probation.inspection.rating.report;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.rating.projection.Jdbc;

/**
 * The User Voice figures feedback-service announced (feedback.summarised on feedback-events): version 0 is the
 * team's live summary, version n the summary of publication n as viewers get it (small numbers withheld).
 */
@ApplicationScoped
public class UserVoiceStore {

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    public void store(UUID inspectionId, int publicationVersion, UserVoiceFigures figures) {
        jdbc.update("""
                insert into user_voice (inspection_id, publication_version, template_id, figures) values (?, ?, ?, ?)
                on conflict (inspection_id, publication_version, template_id) do update set figures = excluded.figures""",
                inspectionId, publicationVersion, figures.templateId(), write(figures));
    }

    /** The figures of {@code publicationVersion} (0: live), of the first template with any. */
    public Optional<UserVoiceFigures> of(UUID inspectionId, int publicationVersion) {
        return jdbc.one("""
                select figures from user_voice where inspection_id = ? and publication_version = ?
                order by template_id limit 1""", row -> read(row.getString(1)), inspectionId, publicationVersion);
    }

    private String write(UserVoiceFigures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private UserVoiceFigures read(String stored) {
        try {
            return json.readValue(stored, UserVoiceFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored User Voice figures are unreadable", e);
        }
    }
}
