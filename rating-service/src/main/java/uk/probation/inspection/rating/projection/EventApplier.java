package uk.probation.inspection.rating.projection;

import static uk.probation.inspection.rating.projection.EventFields.integer;
import static uk.probation.inspection.rating.projection.EventFields.optionalText;
import static uk.probation.inspection.rating.projection.EventFields.rating;
import static uk.probation.inspection.rating.projection.EventFields.text;
import static uk.probation.inspection.rating.projection.EventFields.uuid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.platform.events.IncomingEvent;
import uk.probation.inspection.platform.inbox.ProcessedEvents;
import uk.probation.inspection.rating.publication.PublicationEvents;
import uk.probation.inspection.rating.rules.Basis;
import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.InvalidFrameworkException;
import uk.probation.inspection.rating.rules.Rating;
import uk.probation.inspection.rating.rules.StandardResult;

/**
 * Applies case events to the projection, in the caller's transaction, each at most once (inbox), in the order
 * given. Runs of answers, nearly all of the traffic, are applied together ({@link AnswerEffects}), and so are runs
 * of case registrations ({@link CaseRegistrations}); the rarer events one at a time. A malformed event is refused before it changes anything, recorded as processed and skipped, so
 * it cannot block its neighbours or be retried for ever.
 */
@ApplicationScoped
public class EventApplier {

    /** What happened to the events of one call. */
    public record Outcome(List<IncomingEvent> applied, int duplicates, int malformed) {
    }

    private static final Logger LOG = Logger.getLogger(EventApplier.class);
    private static final String ANSWER_RECORDED = "answer.recorded";
    private static final String CASE_REGISTERED = "case.registered";

    @Inject
    Jdbc jdbc;

    @Inject
    FrameworkCache frameworks;

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents inbox;

    @Inject
    ProjectionStore store;

    @Inject
    AnswerEffects answers;

    @Inject
    StandardMoves standards;

    @Inject
    CaseRegistrations registrations;

    @Inject
    PublicationEvents publications;

    /**
     * @param announce whether rating moves are published as {@code rating.changed} (not during a rebuild, which
     *        only reproduces what was already announced)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome apply(List<IncomingEvent> events, boolean announce, ApplyContext context) {
        Set<UUID> firstDeliveries = inbox.firstDeliveries(events.stream().map(IncomingEvent::id).toList());
        List<IncomingEvent> applied = new ArrayList<>();
        List<AnswerRecorded> answerRun = new ArrayList<>();
        List<CaseRegistered> caseRun = new ArrayList<>();
        int duplicates = 0;
        int malformed = 0;
        for (IncomingEvent event : events) {
            if (!firstDeliveries.remove(event.id())) {
                duplicates++; // delivered before, or twice in this batch
                continue;
            }
            try {
                JsonNode data = parse(event);
                // Consecutive answers, or consecutive case registrations, are applied together.
                if (ANSWER_RECORDED.equals(event.type())) {
                    AnswerRecorded answer = AnswerRecorded.of(data, event.time());
                    registrations.apply(caseRun, context);
                    caseRun.clear();
                    answerRun.add(answer);
                } else if (CASE_REGISTERED.equals(event.type())) {
                    CaseRegistered registration = CaseRegistered.of(data);
                    answers.apply(answerRun, announce, context);
                    answerRun.clear();
                    caseRun.add(registration);
                } else {
                    answers.apply(answerRun, announce, context);
                    answerRun.clear();
                    registrations.apply(caseRun, context);
                    caseRun.clear();
                    applyOne(event, data, announce, context);
                }
                applied.add(event);
            } catch (BadEventException e) {
                malformed++;
                LOG.errorf("Skipping malformed %s event %s at case-events-%d@%d: %s", event.type(), event.id(),
                        event.partition(), event.offset(), e.getMessage());
            }
        }
        answers.apply(answerRun, announce, context);
        registrations.apply(caseRun, context);
        store.flush(context);
        return new Outcome(applied, duplicates, malformed);
    }

    private void applyOne(IncomingEvent event, JsonNode data, boolean announce, ApplyContext context) {
        String type = event.type();
        switch (type) {
            case "inspection.opened" -> opened(data, context);
            case "inspection.published" -> publications.published(data, event.time(), context);
            case "inspection.reopened" -> publications.reopened(data);
            case "team.member.added" -> jdbc.update("""
                    insert into team_member (inspection_id, username, role) values (?, ?, ?)
                    on conflict (inspection_id, username) do update set role = excluded.role""",
                    uuid(data, "inspectionId"), text(data, "username"),
                    Objects.requireNonNullElse(optionalText(data, "role"), "INSPECTOR"));
            case "team.member.removed" -> jdbc.update(
                    "delete from team_member where inspection_id = ? and username = ?",
                    uuid(data, "inspectionId"), text(data, "username"));
            case "judgement.recorded" -> judgementRecorded(data, announce, context);
            default -> LOG.debugf("Ignoring event type %s", type);
        }
    }

    private void opened(JsonNode data, ApplyContext context) {
        UUID id = uuid(data, "inspectionId");
        Framework framework;
        try {
            framework = Framework.fromJson(data.get("framework"));
        } catch (InvalidFrameworkException e) {
            throw new BadEventException("inspection.opened " + id + ": " + e.getMessage(), e);
        }
        String name = text(data, "name");
        String region = text(data, "region");
        String pdu = optionalText(data, "pdu");
        String openedBy = optionalText(data, "openedBy");
        if (context.inspections.containsKey(id)) {
            store.flush(context); // opened again: what this transaction holds of it is read afresh
            context.inspections.remove(id);
        }
        context.unknown.remove(id);
        jdbc.update("""
                insert into inspection (id, name, region, pdu, framework_id, framework, snapshot_dirty)
                values (?, ?, ?, ?, ?, ?, true)
                on conflict (id) do update set name = excluded.name, region = excluded.region, pdu = excluded.pdu,
                    snapshot_dirty = true""",
                id, name, region, pdu, framework.id(), data.get("framework").toString());
        for (Framework.Standard standard : framework.standards()) {
            StandardResult initial = framework.rules().rate(standard.basis(), List.of(), null);
            jdbc.update("""
                    insert into standard_rating (inspection_id, standard_id, rating, lowest_key_question)
                    values (?, ?, ?, null) on conflict do nothing""", id, standard.id(), initial.rating().name());
        }
        if (openedBy != null) {
            jdbc.update("insert into team_member (inspection_id, username, role) values (?, ?, 'LEAD') on conflict do nothing",
                    id, openedBy);
        }
        frameworks.put(id, framework);
    }

    private void judgementRecorded(JsonNode data, boolean announce, ApplyContext context) {
        UUID id = uuid(data, "inspectionId");
        String standardId = text(data, "standardId");
        Rating rating = rating(text(data, "rating"));
        int version = integer(data, "version");
        store.lock(List.of(id), context);
        InspectionState state = context.inspections.get(id);
        if (state == null) {
            LOG.warnf("judgement.recorded for unknown inspection %s ignored", id);
            return;
        }
        Optional<Framework.Standard> standard = state.framework.standard(standardId);
        if (standard.isEmpty() || standard.get().basis() != Basis.JUDGEMENT) {
            throw new BadEventException("standard " + standardId + " is not judgement-rated");
        }
        Optional<Integer> storedVersion = jdbc.one(
                "select version from judgement where inspection_id = ? and standard_id = ?",
                row -> row.getInt(1), id, standardId);
        if (storedVersion.isPresent() && storedVersion.get() >= version) {
            return;
        }
        jdbc.update("""
                insert into judgement (inspection_id, standard_id, rating, version) values (?, ?, ?, ?)
                on conflict (inspection_id, standard_id) do update set rating = excluded.rating, version = excluded.version""",
                id, standardId, rating.name(), version);
        standards.set(state, standardId, state.framework.rules().rate(Basis.JUDGEMENT, List.of(), rating), announce);
    }

    private JsonNode parse(IncomingEvent event) {
        try {
            JsonNode data = event.data() == null ? null : json.readTree(event.data());
            if (data == null || !data.isObject()) {
                throw new BadEventException(event.type() + " " + event.id() + ": data is not a JSON object");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new BadEventException(event.type() + " " + event.id() + ": data is not JSON", e);
        }
    }
}
