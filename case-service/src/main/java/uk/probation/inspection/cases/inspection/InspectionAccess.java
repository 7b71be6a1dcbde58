package uk.probation.inspection.cases.inspection;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.framework.FrameworkCatalog;
import uk.probation.inspection.cases.team.TeamMember;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * Who may see or change which inspection. Anything the caller may not see is 404, so that its existence does
 * not leak; a team member who may see it but lacks the lead's rights gets 403.
 */
@RequestScoped
public class InspectionAccess {

    /** An inspection's framework copy never changes, so parsed copies are kept. */
    private static final Map<UUID, Framework> FRAMEWORKS = new ConcurrentHashMap<>();

    @Inject
    Caller caller;

    @Inject
    FrameworkCatalog catalog;

    /** Metadata read: team members, and viewers of published inspections in their regions. */
    public Inspection readable(String id) {
        Inspection inspection = Inspection.findById(parse(id));
        if (inspection == null || !mayRead(inspection)) {
            throw notFound(id);
        }
        return inspection;
    }

    public boolean mayRead(Inspection inspection) {
        if (membership(inspection.id).isPresent()) {
            return true;
        }
        return caller.hasRole(Caller.VIEWER) && inspection.status == Inspection.Status.PUBLISHED
                && caller.seesRegion(inspection.region);
    }

    /** Case data read: team members only. */
    public Inspection ofTeam(String id) {
        UUID uuid = parse(id);
        Inspection inspection = Inspection.findById(uuid);
        if (inspection == null || membership(uuid).isEmpty()) {
            throw notFound(id);
        }
        return inspection;
    }

    /**
     * For a write by a team member: locks the inspection row (SELECT ... FOR UPDATE) so that this
     * transaction's outbox rows follow every earlier commit on the same inspection.
     */
    public Inspection lockForTeamWrite(String id) {
        UUID uuid = parse(id);
        if (membership(uuid).isEmpty()) {
            throw notFound(id);
        }
        Inspection inspection = Inspection.findById(uuid, LockModeType.PESSIMISTIC_WRITE);
        if (inspection == null) {
            throw notFound(id);
        }
        return inspection;
    }

    /** As {@link #lockForTeamWrite}, for what only the inspection's lead may do. */
    public Inspection lockForLeadWrite(String id) {
        Inspection inspection = lockForTeamWrite(id);
        requireLead(inspection);
        return inspection;
    }

    public void requireLead(Inspection inspection) {
        boolean lead = membership(inspection.id).filter(m -> m.role == TeamMember.Role.LEAD).isPresent();
        if (!lead || !caller.hasRole(Caller.LEAD_INSPECTOR)) {
            throw new ProblemException(403, "Forbidden", "Only the inspection's lead inspector may do this", null);
        }
    }

    public Framework framework(Inspection inspection) {
        return FRAMEWORKS.computeIfAbsent(inspection.id, ignored -> catalog.parse(inspection.frameworkJson));
    }

    private Optional<TeamMember> membership(UUID inspectionId) {
        if (!caller.hasRole(Caller.LEAD_INSPECTOR) && !caller.hasRole(Caller.INSPECTOR)) {
            return Optional.empty();
        }
        return TeamMember.find(inspectionId, caller.username());
    }

    /** A malformed id names no inspection: 404, like an unknown one. */
    static UUID parse(String id) {
        try {
            if (id == null || id.length() != 36) {
                throw new IllegalArgumentException(id);
            }
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("No inspection '" + id + "'");
    }
}
