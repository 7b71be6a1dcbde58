package uk.probation.inspection.feedback.ingest;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Survey responses, one row per (inspection, template, respondent). Closed answers and free text live in
 * separate columns so that summaries never read personal data.
 */
@ApplicationScoped
public class ResponseStore {

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    /** A free-text answer, for the inspection team only. */
    public record FreeText(String respondentId, String channel, String question, String text) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> respondentIds(String inspectionId, String templateId) {
        List<?> ids = entityManager.createNativeQuery(
                "select respondent_id from survey_response where inspection_id = ?1 and template_id = ?2")
                .setParameter(1, inspectionId).setParameter(2, templateId).getResultList();
        Set<String> result = new HashSet<>();
        ids.forEach(id -> result.add((String) id));
        return result;
    }

    /** Inserts or replaces every respondent's answers, in one JDBC batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(String inspectionId, String templateId, List<Respondent> respondents) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into survey_response (inspection_id, template_id, respondent_id, channel, answers, free_text)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (inspection_id, template_id, respondent_id) do update set channel = excluded.channel,
                        answers = excluded.answers, free_text = excluded.free_text, received_at = now()""")) {
                for (Respondent respondent : respondents) {
                    statement.setString(1, inspectionId);
                    statement.setString(2, templateId);
                    statement.setString(3, respondent.id());
                    statement.setString(4, respondent.channel());
                    statement.setString(5, write(respondent.answers()));
                    statement.setString(6, write(respondent.freeText()));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    @Transactional
    public List<StoredResponse> closedAnswers(String inspectionId, String templateId) {
        List<StoredResponse> responses = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select respondent_id, channel, answers from survey_response
                where inspection_id = ?1 and template_id = ?2 order by respondent_id""")
                .setParameter(1, inspectionId).setParameter(2, templateId).getResultList()) {
            Object[] r = (Object[]) row;
            responses.add(new StoredResponse((String) r[0], (String) r[1], read((String) r[2])));
        }
        return responses;
    }

    @Transactional
    public List<FreeText> freeText(String inspectionId, String templateId) {
        List<FreeText> texts = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("""
                select respondent_id, channel, free_text from survey_response
                where inspection_id = ?1 and template_id = ?2 order by respondent_id""")
                .setParameter(1, inspectionId).setParameter(2, templateId).getResultList()) {
            Object[] r = (Object[]) row;
            read((String) r[2]).forEach((question, text) ->
                    texts.add(new FreeText((String) r[0], (String) r[1], question, text)));
        }
        return texts;
    }

    private String write(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are unreadable", e);
        }
    }
}
