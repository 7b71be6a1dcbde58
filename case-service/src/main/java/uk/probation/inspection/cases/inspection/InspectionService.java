package uk.probation.inspection.cases.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.events.cases.InspectionOpened;
import uk.probation.inspection.events.cases.TeamMemberAdded;
import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.framework.FrameworkCatalog;
import uk.probation.inspection.cases.team.TeamMember;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/** Opens and lists inspections; publication is {@code PublicationService}'s. */
@ApplicationScoped
public class InspectionService {

    @Inject
    FrameworkCatalog catalog;

    @Inject
    CaseEvents events;

    @Inject
    InspectionAccess access;

    @Inject
    Caller caller;

    /** Opens an inspection with its opener as LEAD; emits inspection.opened then team.member.added. */
    @Transactional
    public Inspection open(OpenInspection request) {
        if (request == null) {
            throw ProblemException.invalid("A body is required", List.of(FieldError.field("", "a body is required")));
        }
        List<FieldError> problems = new java.util.ArrayList<>(request.problems());
        Framework framework = request.frameworkId() == null || request.frameworkId().isBlank() ? null
                : catalog.findForUse(request.frameworkId()).orElse(null);
        if (framework == null && request.frameworkId() != null && !request.frameworkId().isBlank()) {
            problems.add(FieldError.field("frameworkId", "no framework '" + request.frameworkId() + "'"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("The inspection has " + problems.size() + " problem(s)", problems);
        }
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.name = request.name().trim();
        inspection.region = request.region().trim();
        inspection.pdu = request.pdu().trim();
        inspection.frameworkId = framework.id();
        inspection.frameworkJson = catalog.write(framework);
        inspection.fieldworkStart = LocalDate.parse(request.fieldworkStart());
        inspection.sampleFrom = LocalDate.parse(request.sampleFrom());
        inspection.sampleTo = LocalDate.parse(request.sampleTo());
        inspection.status = Inspection.Status.OPEN;
        inspection.openedBy = caller.username();
        inspection.openedAt = Instant.now();
        // The new row is invisible to (so cannot be written by) anyone else until this transaction commits.
        inspection.persistAndFlush();

        TeamMember lead = new TeamMember();
        lead.inspectionId = inspection.id;
        lead.username = caller.username();
        lead.role = TeamMember.Role.LEAD;
        lead.addedBy = caller.username();
        lead.addedAt = inspection.openedAt;
        lead.subject = caller.subject();
        lead.persist();

        events.append(new InspectionOpened(inspection.id,
                inspection.name, inspection.region, inspection.pdu, inspection.frameworkId,
                inspection.fieldworkStart.toString(), inspection.sampleFrom.toString(),
                inspection.sampleTo.toString(), inspection.openedBy, catalog.asJson(inspection.frameworkJson)));
        events.append(new TeamMemberAdded(inspection.id, lead.username, lead.role.name(), lead.subject));
        return inspection;
    }

    /** What the caller may see: their teams' inspections, and published ones of a viewer's regions. */
    @Transactional
    public List<Inspection> visible(String region) {
        Map<UUID, Inspection> found = new LinkedHashMap<>();
        if (caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR)) {
            Inspection.<Inspection>list("id in (select t.inspectionId from TeamMember t where t.username = ?1)"
                    + " order by openedAt", caller.username()).forEach(i -> found.put(i.id, i));
        }
        if (caller.hasRole(Caller.VIEWER)) {
            // Visible to viewers: some publication version is not cancelled and its embargo has lifted.
            Inspection.<Inspection>list("id in (select p.inspectionId from Publication p where p.cancelledAt is null"
                    + " and p.visibleFrom <= ?1) order by openedAt", Instant.now()).stream()
                    .filter(i -> caller.seesRegion(i.region)).forEach(i -> found.put(i.id, i));
        }
        return found.values().stream()
                .filter(i -> region == null || region.isBlank() || i.region.equalsIgnoreCase(region.trim()))
                .toList();
    }
}
