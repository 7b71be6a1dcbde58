package uk.probation.inspection.feedback.inspection;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.feedback.publication.Publication;
import uk.probation.inspection.feedback.publication.Publications;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.platform.security.ReadAccess;
import uk.probation.inspection.platform.security.ReadAccess.Reading;

/**
 * Who may see or write an inspection's feedback beyond their role. Anything the caller may not see is 404,
 * so an inspection's existence does not leak.
 */
@RequestScoped
@SuppressWarnings("unchecked") // the one-element array holding the visible publication
public class InspectionAccess {

    /** How a reader sees an inspection: the team live and whole, the public (viewers) a publication, suppressed. */
    public enum Audience {
        TEAM, PUBLIC
    }

    /** A permitted reader; {@code publication} is the version a viewer reads (null for the team). */
    public record Reader(Audience audience, KnownInspection inspection, Publication publication) {
    }

    @Inject
    KnownInspections inspections;

    @Inject
    Publications publications;

    @Inject
    Caller caller;

    /**
     * Team members (lead or inspector) of the inspection; viewers in its region once a publication is visible,
     * judged now, so an embargo lifts without anything having to run.
     */
    public Reader reader(String inspectionId) {
        KnownInspection inspection = known(inspectionId);
        Optional<Publication>[] visible = new Optional[1];
        Reading reading = ReadAccess.of(caller).reading(inspection.region(), () -> isTeamMember(inspection), () -> {
            visible[0] = publications.visible(inspectionId, Instant.now());
            return visible[0].isPresent();
        });
        return switch (reading) {
            case LIVE -> new Reader(Audience.TEAM, inspection, null);
            case PUBLISHED -> new Reader(Audience.PUBLIC, inspection, visible[0].get());
            case NONE -> throw notFound(inspectionId);
        };
    }

    /** Only the team sees free text. */
    public KnownInspection team(String inspectionId) {
        KnownInspection inspection = known(inspectionId);
        if (!isTeamMember(inspection)) {
            throw notFound(inspectionId);
        }
        return inspection;
    }

    /** survey-ingest (the only role that may submit) submits to any known inspection. */
    public KnownInspection submitter(String inspectionId) {
        return known(inspectionId);
    }

    private boolean isTeamMember(KnownInspection inspection) {
        return (caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR))
                && inspection.onTeam(caller.username(), caller.subject());
    }

    private KnownInspection known(String inspectionId) {
        return inspections.find(inspectionId).orElseThrow(() -> notFound(inspectionId));
    }

    private static ProblemException notFound(String inspectionId) {
        return ProblemException.notFound("No inspection " + inspectionId);
    }
}
