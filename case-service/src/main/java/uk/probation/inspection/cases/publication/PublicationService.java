package uk.probation.inspection.cases.publication;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.events.cases.InspectionPublished;
import uk.probation.inspection.events.cases.InspectionReopened;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.inspection.InspectionView;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * Publishing and reopening (docs/publication.md). Both hold the inspection's row lock, which every write to the
 * inspection takes too, so the preconditions are checked against exactly what is published and no write slips in
 * between; every change is announced on case-events in the same transaction.
 */
@ApplicationScoped
public class PublicationService {

    /** A 409 lists at most this many unmet preconditions (its detail gives the total). */
    static final int MAX_LISTED = 500;

    @Inject
    InspectionAccess access;

    @Inject
    CaseEvents events;

    @Inject
    Caller caller;

    @Inject
    EntityManager entities;

    @Transactional
    public InspectionView publish(String id, PublishRequest body) {
        Instant now = Instant.now();
        Inspection inspection = access.lockForLifecycle(id);
        if (inspection.frozen()) {
            throw ProblemException.conflict("Inspection '" + id + "' is already "
                    + inspection.status(now).name().toLowerCase(java.util.Locale.ROOT) + "; reopen it to publish again");
        }
        Instant visibleFrom;
        try {
            visibleFrom = PublicationRules.visibleFrom(body == null ? null : body.at(), now);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("The publication time is invalid", List.of(FieldError.field("at", e.getMessage())));
        }
        List<FieldError> unmet = unmet(inspection);
        if (!unmet.isEmpty()) {
            throw new ProblemException(409, "Not ready to publish", unmet.size()
                    + " precondition(s) unmet: every judgement-rated standard needs a judgement and every sampled case"
                    + " an answer to every key question (NOT_APPLICABLE counts)"
                    + (unmet.size() > MAX_LISTED ? "; the first " + MAX_LISTED + " are listed" : ""),
                    unmet.subList(0, Math.min(MAX_LISTED, unmet.size())));
        }
        boolean scheduled = visibleFrom.isAfter(now);
        inspection.publicationVersion++;
        inspection.status = scheduled ? Inspection.Status.SCHEDULED : Inspection.Status.PUBLISHED;
        inspection.publishedBy = caller.username();
        inspection.publishedAt = visibleFrom;
        Publication publication = new Publication();
        publication.inspectionId = inspection.id;
        publication.version = inspection.publicationVersion;
        publication.visibleFrom = visibleFrom;
        publication.publishedBy = inspection.publishedBy;
        publication.requestedAt = now;
        publication.persist();
        events.append(new InspectionPublished(inspection.id,
                publication.publishedBy, publication.version, visibleFrom.atOffset(java.time.ZoneOffset.UTC), scheduled));
        return access.view(inspection);
    }

    @Transactional
    public InspectionView reopen(String id, ReopenRequest body) {
        Instant now = Instant.now();
        Inspection inspection = access.lockForLifecycle(id);
        if (!inspection.frozen()) {
            throw ProblemException.conflict("Inspection '" + id + "' is open; there is nothing to reopen");
        }
        String reason = body == null ? null : body.reason();
        String problem = PublicationRules.reasonProblem(reason);
        if (problem != null) {
            throw ProblemException.invalid("The reopening was refused", List.of(FieldError.field("reason", problem)));
        }
        Inspection.Status from = inspection.status(now);
        Integer cancelled = null;
        if (from == Inspection.Status.SCHEDULED) {
            // Its embargo has not lifted: nobody outside the team has seen it, and nobody ever will.
            Publication pending = Publication.findById(new Publication.Key(inspection.id, inspection.publicationVersion));
            pending.cancelledAt = now;
            pending.cancelledBy = caller.username();
            cancelled = pending.version;
        }
        inspection.status = Inspection.Status.OPEN;
        Reopening reopening = new Reopening();
        reopening.id = UUID.randomUUID();
        reopening.inspectionId = inspection.id;
        reopening.reopenedBy = caller.username();
        reopening.reopenedAt = now;
        reopening.reason = reason.strip();
        reopening.fromStatus = from.name();
        reopening.cancelledVersion = cancelled;
        reopening.persist();
        entities.flush(); // the cancellation must be seen by the query below
        int stillVisible = Publication.visible(inspection.id, now).map(p -> p.version).orElse(0);
        events.append(new InspectionReopened(inspection.id,
                reopening.reopenedBy, reopening.reason, stillVisible, cancelled));
        return access.view(inspection);
    }

    /** What publishing would refuse for now (the same list as its 409), for the team to see beforehand. */
    @Transactional
    public List<FieldError> unmet(Inspection inspection) {
        return PublicationRules.unmet(access.framework(inspection), judged(inspection.id), answered(inspection.id),
                caseValues(inspection.id));
    }

    private Set<String> judged(UUID inspectionId) {
        return new HashSet<>(entities.createQuery(
                "select j.standardId from Judgement j where j.inspectionId = ?1", String.class)
                .setParameter(1, inspectionId).getResultList());
    }

    /** Each case's attribute values, for the standards' appliesTo. */
    private Map<String, Map<String, Object>> caseValues(UUID inspectionId) {
        Map<String, Map<String, Object>> values = new java.util.HashMap<>();
        uk.probation.inspection.cases.casefile.SampledCase.<uk.probation.inspection.cases.casefile.SampledCase>list(
                "inspectionId", inspectionId)
                .forEach(c -> values.put(c.caseRef, uk.probation.inspection.cases.casefile.CaseValues.of(c)));
        return values;
    }

    /** Each case, in the order it was registered, to the questions it has an answer for. */
    private Map<String, Set<String>> answered(UUID inspectionId) {
        Map<String, Set<String>> answered = new LinkedHashMap<>();
        List<Object[]> rows = entities.createQuery("""
                select c.caseRef, a.questionId from SampledCase c left join Answer a on a.caseId = c.id
                where c.inspectionId = ?1 order by c.registeredAt, c.caseRef""", Object[].class)
                .setParameter(1, inspectionId).getResultList();
        for (Object[] row : rows) {
            Set<String> questions = answered.computeIfAbsent((String) row[0], k -> new HashSet<>());
            if (row[1] != null) {
                questions.add((String) row[1]);
            }
        }
        return answered;
    }
}
