package uk.probation.inspection.cases.inspection;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.framework.FrameworkCatalog;
import uk.probation.inspection.cases.publication.Publication;
import uk.probation.inspection.cases.team.MemberBinding;
import uk.probation.inspection.cases.team.TeamMember;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.platform.security.ReadAccess;
import uk.probation.inspection.platform.security.ReadAccess.Reading;

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

    @Inject
    MemberBinding binding;

    /** Metadata read: team members, and viewers of published inspections in their regions. */
    public Inspection readable(String id) {
        Inspection inspection = Inspection.findById(parse(id));
        if (inspection == null || !mayRead(inspection)) {
            throw notFound(id);
        }
        return inspection;
    }

    public boolean mayRead(Inspection inspection) {
        return reading(inspection) != Reading.NONE;
    }

    /** The platform's one read rule (ReadAccess): the team live, viewers of its region once a publication is visible. */
    private Reading reading(Inspection inspection) {
        return ReadAccess.of(caller).reading(inspection.region, () -> membership(inspection.id).isPresent(),
                () -> visiblePublication(inspection).isPresent());
    }

    /** What viewers see: the latest publication version whose embargo has lifted, if any. */
    public Optional<Publication> visiblePublication(Inspection inspection) {
        return inspection.publicationVersion == 0 ? Optional.empty() : Publication.visible(inspection.id, Instant.now());
    }

    /** The inspection as this caller may see it: the team sees its real state, viewers the publication. */
    public InspectionView view(Inspection inspection) {
        return InspectionView.of(inspection, visiblePublication(inspection), reading(inspection) == Reading.LIVE);
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
     * transaction's outbox rows follow every earlier commit on the same inspection, and refuses (409) while it is
     * SCHEDULED or PUBLISHED: the lock makes that check and publication mutually exclusive.
     */
    public Inspection lockForTeamWrite(String id) {
        return requireOpen(lock(id));
    }

    /** As {@link #lockForTeamWrite}, for what only the inspection's lead may do. */
    public Inspection lockForLeadWrite(String id) {
        Inspection inspection = lockForTeamWrite(id);
        requireLead(inspection);
        return inspection;
    }

    /** Locks the inspection for its lead whatever its state: publishing and reopening. */
    public Inspection lockForLifecycle(String id) {
        Inspection inspection = lock(id);
        requireLead(inspection);
        return inspection;
    }

    private Inspection lock(String id) {
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

    private static Inspection requireOpen(Inspection inspection) {
        if (!inspection.frozen()) {
            return inspection;
        }
        Inspection.Status status = inspection.status(Instant.now());
        String state = status == Inspection.Status.SCHEDULED
                ? "is scheduled for publication at " + inspection.publishedAt
                : "is published";
        throw new ProblemException(409, "Inspection " + status.name().toLowerCase(java.util.Locale.ROOT),
                "Inspection '" + inspection.id + "' " + state + "; reopen it to change it", null);
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
        if (!caller.hasRole(Caller.LEAD_INSPECTOR) && !caller.hasRole(Caller.INSPECTOR)
                && !caller.hasRole(Caller.QUALITY_ASSURANCE)) {
            return Optional.empty(); // quality assurance reaches only its own endpoints: the others' roles exclude it
        }
        // Keyed on the token's sub: the name finds the row, the sub must be the one bound to it (bound on first use).
        return TeamMember.find(inspectionId, caller.username()).filter(m -> binding.bind(m, caller.subject()));
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
