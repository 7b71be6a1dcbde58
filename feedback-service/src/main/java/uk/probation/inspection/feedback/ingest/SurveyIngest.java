package uk.probation.inspection.feedback.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.feedback.inspection.KnownInspections;
import uk.probation.inspection.platform.outbox.OutboxWriter;
import uk.probation.inspection.platform.problem.ProblemException;

/** Stores a validated batch of respondents and announces it, all in one transaction. */
@ApplicationScoped
public class SurveyIngest {

    public static final String TOPIC = "feedback-events";
    public static final String EVENT_TYPE = "survey.responses.ingested";

    /** The REST answer: respondents in the request, and how many of them replaced earlier answers. */
    public record Outcome(int accepted, int replaced) {
    }

    @Inject
    KnownInspections inspections;

    @Inject
    ResponseStore store;

    @Inject
    OutboxWriter outbox;

    @Transactional
    public Outcome store(String inspectionId, String templateId, List<Respondent> respondents) {
        // Lock first (outbox order rule), and so that concurrent ingests of one inspection count correctly.
        inspections.lock(inspectionId).orElseThrow(() -> ProblemException.notFound("No inspection " + inspectionId));
        Set<String> existing = store.respondentIds(inspectionId, templateId);
        int replaced = (int) respondents.stream().filter(r -> existing.contains(r.id())).count();
        store.upsert(inspectionId, templateId, respondents);
        int total = existing.size() + respondents.size() - replaced;

        // Counts only: never comments or any other answer.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inspectionId", inspectionId);
        data.put("templateId", templateId);
        data.put("accepted", respondents.size());
        data.put("replaced", replaced);
        data.put("respondents", total);
        outbox.append(TOPIC, inspectionId, EVENT_TYPE, data);
        return new Outcome(respondents.size(), replaced);
    }
}
