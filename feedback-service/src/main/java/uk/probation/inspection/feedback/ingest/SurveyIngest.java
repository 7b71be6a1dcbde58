package uk.probation.inspection.feedback.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.feedback.inspection.KnownInspection;
import uk.probation.inspection.feedback.inspection.KnownInspections;
import uk.probation.inspection.feedback.publication.Publication;
import uk.probation.inspection.feedback.publication.Publications;
import uk.probation.inspection.feedback.summary.FeedbackAnnouncer;
import uk.probation.inspection.platform.outbox.OutboxWriter;
import uk.probation.inspection.platform.problem.ProblemException;

/**
 * Stores a validated batch of respondents and announces it, all in one transaction; refuses (409) while the
 * inspection is published or scheduled.
 */
@ApplicationScoped
public class SurveyIngest {

    public static final String TOPIC = "feedback-events";
    public static final String EVENT_TYPE = "survey.responses.ingested";

    /** The REST answer: respondents in the request, and how many of them replaced earlier answers. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SurveyIngestOutcome")
    public record Outcome(int accepted, int replaced) {
    }

    @Inject
    KnownInspections inspections;

    @Inject
    ResponseStore store;

    @Inject
    OutboxWriter outbox;

    @Inject
    Publications publications;

    @Inject
    FeedbackAnnouncer announcer;

    /** 409 while the inspection is frozen: from inspection.published until inspection.reopened. */
    public void requireOpen(KnownInspection inspection) {
        if (!inspection.frozen()) {
            return;
        }
        Optional<Publication> latest = publications.latest(inspection.id());
        String state = latest.filter(p -> !p.visibleAt(Instant.now()))
                .map(p -> "scheduled for publication (version " + p.version() + ", visible from " + p.visibleFrom() + ")")
                .orElse("published" + latest.map(p -> " (version " + p.version() + ")").orElse(""));
        throw ProblemException.conflict("Inspection " + inspection.id() + " is " + state
                + "; reopen it to change it. Nothing was stored.");
    }

    @Transactional
    public Outcome store(String inspectionId, String templateId, List<Respondent> respondents) {
        // Lock first (outbox order rule), and so that concurrent ingests of one inspection count correctly.
        // The freeze is checked again under the lock: inspection.published may have been applied since the request began.
        requireOpen(inspections.lock(inspectionId)
                .orElseThrow(() -> ProblemException.notFound("No inspection " + inspectionId)));
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
        announcer.live(inspectionId, templateId); // the figures the report prints, for the team's preview
        return new Outcome(respondents.size(), replaced);
    }
}
