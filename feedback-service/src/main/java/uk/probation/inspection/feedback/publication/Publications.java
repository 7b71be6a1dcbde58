package uk.probation.inspection.feedback.publication;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.feedback.ingest.StoredResponse;

/**
 * Publication versions and the closed answers frozen with each: what viewers read instead of live answers.
 * Written only from case-events, after the inspection row is locked, so no ingest can commit in between.
 */
@ApplicationScoped
public class Publications {

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** Records the version and copies today's closed answers (never free text) as its snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void published(String inspectionId, PublicationEvents.Published published) {
        entityManager.createNativeQuery("""
                insert into publication (inspection_id, version, published_by, visible_from, scheduled)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (inspection_id, version) do update set published_by = excluded.published_by,
                    visible_from = excluded.visible_from, scheduled = excluded.scheduled""")
                .setParameter(1, inspectionId).setParameter(2, published.version())
                .setParameter(3, published.publishedBy()).setParameter(4, Timestamp.from(published.visibleFrom()))
                .setParameter(5, published.scheduled()).executeUpdate();
        entityManager.createNativeQuery("delete from published_response where inspection_id = ?1 and version = ?2")
                .setParameter(1, inspectionId).setParameter(2, published.version()).executeUpdate();
        entityManager.createNativeQuery("""
                insert into published_response (inspection_id, version, template_id, respondent_id, channel, answers)
                select inspection_id, ?2, template_id, respondent_id, channel, answers
                from survey_response where inspection_id = ?1""")
                .setParameter(1, inspectionId).setParameter(2, published.version()).executeUpdate();
    }

    /** Drops every version above the one the reopening keeps, the cancelled scheduled one included. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopened(String inspectionId, PublicationEvents.Reopened reopened) {
        for (String table : List.of("publication", "published_response")) {
            entityManager.createNativeQuery("delete from " + table + " where inspection_id = ?1 and version > ?2")
                    .setParameter(1, inspectionId).setParameter(2, reopened.keptVersion()).executeUpdate();
        }
    }

    /** The latest version viewers may see at {@code now}; empty before any is visible. */
    @Transactional
    public Optional<Publication> visible(String inspectionId, Instant now) {
        return first("""
                select version, visible_from, scheduled from publication
                where inspection_id = ?1 and visible_from <= ?2 order by version desc limit 1""",
                inspectionId, Timestamp.from(now));
    }

    /** The latest version, visible yet or not. */
    @Transactional
    public Optional<Publication> latest(String inspectionId) {
        return first("""
                select version, visible_from, scheduled from publication
                where inspection_id = ?1 order by version desc limit 1""", inspectionId);
    }

    /** The closed answers of one template as they stood when {@code version} was published. */
    @Transactional
    public List<StoredResponse> answers(String inspectionId, int version, String templateId) {
        List<StoredResponse> responses = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select respondent_id, channel, answers from published_response
                where inspection_id = ?1 and version = ?2 and template_id = ?3 order by respondent_id""")
                .setParameter(1, inspectionId).setParameter(2, version).setParameter(3, templateId).getResultList()) {
            Object[] r = (Object[]) row;
            responses.add(new StoredResponse((String) r[0], (String) r[1], read((String) r[2])));
        }
        return responses;
    }

    private Optional<Publication> first(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Publication(((Number) row[0]).intValue(), instant(row[1]), (Boolean) row[2]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("published answers are unreadable", e);
        }
    }
}
