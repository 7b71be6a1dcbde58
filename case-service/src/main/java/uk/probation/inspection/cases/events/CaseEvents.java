package uk.probation.inspection.cases.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.probation.inspection.platform.outbox.OutboxWriter;

/**
 * Appends case-events to the outbox. Callers must hold the inspection's row lock (see InspectionAccess), so
 * that outbox order is commit order within an inspection.
 */
@ApplicationScoped
public class CaseEvents {

    public static final String INSPECTION_OPENED = "inspection.opened";
    public static final String INSPECTION_PUBLISHED = "inspection.published";
    public static final String INSPECTION_REOPENED = "inspection.reopened";
    public static final String TEAM_MEMBER_ADDED = "team.member.added";
    public static final String TEAM_MEMBER_REMOVED = "team.member.removed";
    public static final String CASE_REGISTERED = "case.registered";
    public static final String ANSWER_RECORDED = "answer.recorded";
    public static final String JUDGEMENT_RECORDED = "judgement.recorded";

    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "pip.case-events.topic", defaultValue = "case-events")
    String topic;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(UUID inspectionId, String type, Object data) {
        return outbox.append(topic, inspectionId.toString(), type, data);
    }
}
