package uk.probation.inspection.feedback.inspection;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * Who may see or write an inspection's feedback beyond their role. Anything the caller may not see is 404,
 * so an inspection's existence does not leak.
 */
@RequestScoped
public class InspectionAccess {

    /** How a reader sees an inspection: the team sees everything, the public (viewers) suppressed figures. */
    public enum Audience {
        TEAM, PUBLIC
    }

    @Inject
    KnownInspections inspections;

    @Inject
    Caller caller;

    /** Team members (lead or inspector) of the inspection; viewers when it is published in their region. */
    public Audience reader(String inspectionId) {
        KnownInspection inspection = known(inspectionId);
        if (isTeamMember(inspection)) {
            return Audience.TEAM;
        }
        if (caller.hasRole(Caller.VIEWER) && inspection.published() && caller.seesRegion(inspection.region())) {
            return Audience.PUBLIC;
        }
        throw notFound(inspectionId);
    }

    /** Only the team sees free text. */
    public KnownInspection team(String inspectionId) {
        KnownInspection inspection = known(inspectionId);
        if (!isTeamMember(inspection)) {
            throw notFound(inspectionId);
        }
        return inspection;
    }

    /** survey-ingest submits to any known inspection; leads and inspectors to their own. */
    public KnownInspection submitter(String inspectionId) {
        KnownInspection inspection = known(inspectionId);
        if (!caller.hasRole(Caller.SURVEY_INGEST) && !isTeamMember(inspection)) {
            throw notFound(inspectionId);
        }
        return inspection;
    }

    private boolean isTeamMember(KnownInspection inspection) {
        return (caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR))
                && inspection.onTeam(caller.username());
    }

    private KnownInspection known(String inspectionId) {
        return inspections.find(inspectionId).orElseThrow(() -> notFound(inspectionId));
    }

    private static ProblemException notFound(String inspectionId) {
        return ProblemException.notFound("No inspection " + inspectionId);
    }
}
