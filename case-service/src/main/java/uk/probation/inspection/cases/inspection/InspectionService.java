package uk.probation.inspection.cases.inspection;

import java.time.Instant;
import java.time.LocalDate;
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
import uk.probation.inspection.platform.paging.Page;
import uk.probation.inspection.platform.paging.PageRequest;
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

    /**
     * One page of what the caller may see: their teams' inspections, and published ones of a viewer's regions;
     * newest first (opened at, then id: a keyset that stays stable while inspections are opened).
     */
    @Transactional
    public Page<Inspection> visible(String region, PageRequest page) {
        List<String> where = new java.util.ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR)) {
            where.add("i.id in (select t.inspectionId from TeamMember t where t.username = :user)");
            params.put("user", caller.username());
        }
        List<String> regions = caller.regions();
        if (caller.hasRole(Caller.VIEWER) && !regions.isEmpty()) {
            // Visible to viewers: some publication version is not cancelled and its embargo has lifted.
            String published = "i.id in (select p.inspectionId from Publication p where p.cancelledAt is null"
                    + " and p.visibleFrom <= :now)";
            params.put("now", Instant.now());
            if (!regions.contains("*")) {
                published += " and upper(i.region) in :regions";
                params.put("regions", regions.stream().map(r -> r.toUpperCase(java.util.Locale.ROOT)).toList());
            }
            where.add("(" + published + ")");
        }
        if (where.isEmpty()) {
            return new Page<>(List.of(), java.util.Optional.empty());
        }
        String query = "from Inspection i where (" + String.join(" or ", where) + ")";
        if (region != null && !region.isBlank()) {
            query += " and upper(i.region) = :region";
            params.put("region", region.trim().toUpperCase(java.util.Locale.ROOT));
        }
        String base = query;
        return Page.collect(page, (after, limit) -> {
            String q = base;
            Map<String, Object> p = new java.util.HashMap<>(params);
            if (!after.isEmpty()) {
                q += " and (i.openedAt < :at or (i.openedAt = :at and i.id < :id))";
                p.put("at", instant(after.get(0)));
                p.put("id", uuid(after.get(1)));
            }
            return Inspection.<Inspection>find(q + " order by i.openedAt desc, i.id desc", p).range(0, limit - 1).list();
        }, i -> List.of(i.openedAt.toString(), i.id.toString()), java.util.Optional::of);
    }

    private static Instant instant(String field) {
        try {
            return Instant.parse(field);
        } catch (java.time.format.DateTimeParseException e) {
            throw PageRequest.badCursor();
        }
    }

    private static UUID uuid(String field) {
        try {
            return UUID.fromString(field);
        } catch (IllegalArgumentException e) {
            throw PageRequest.badCursor();
        }
    }
}
