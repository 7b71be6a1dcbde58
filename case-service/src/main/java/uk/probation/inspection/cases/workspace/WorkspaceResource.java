package uk.probation.inspection.cases.workspace;

import uk.probation.inspection.platform.paging.PageRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.probation.inspection.cases.answer.Answer;
import uk.probation.inspection.cases.answer.AnswerResource;
import uk.probation.inspection.cases.answer.AnswerService;
import uk.probation.inspection.cases.answer.StaleAnswerException;
import uk.probation.inspection.cases.casefile.AttributeFacts;
import uk.probation.inspection.cases.casefile.CaseService;
import uk.probation.inspection.cases.casefile.CaseValues;
import uk.probation.inspection.cases.casefile.SampledCase;
import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.inspection.InspectionService;
import uk.probation.inspection.cases.inspection.InspectionView;
import uk.probation.inspection.cases.team.TeamMember;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * The inspector's workspace: "my inspections", an inspection's cases with their progress, and a case's answers.
 * Server-rendered GOV.UK pages; every form is a plain POST (CSRF token included) answered by Post/Redirect/Get, or by
 * the page again with the GOV.UK error summary when the API refuses it. The writes go through the same services as
 * the JSON API, so the rules, the audit and the events are the same. The form methods declare no {@code @Consumes}:
 * a body of another type reaches security first (401/403, as for every endpoint) and then carries no fields (422).
 */
@Path("/workspace")
@Produces(MediaType.TEXT_HTML)
public class WorkspaceResource {

    @CheckedTemplate(basePath = "workspace")
    static class Templates {
        static native TemplateInstance home(String user, boolean viewer, boolean member, List<Views.InspectionRow> inspections,
                List<Views.InspectionRow> toRead, String dashboardUrl);

        static native TemplateInstance inspection(String user, InspectionView inspection, Views.Nav nav,
                List<CaseProgress> cases, int caseCount, List<Framework.Standard> columns, Views.Filter filter,
                boolean unfinished, String panelUrl);

        static native TemplateInstance casePage(String user, InspectionView inspection, Views.Nav nav,
                Views.CaseFacts facts, List<Views.Standard> standards, FormErrors errors, String saved,
                String panelUrl);
    }

    @Inject
    InspectionService inspections;

    @Inject
    InspectionAccess access;

    @Inject
    AnswerService answers;

    @Inject
    Caller caller;

    @Inject
    WorkspaceConfig config;

    @Inject
    uk.probation.inspection.cases.secondreading.SecondReadingService secondReadings;

    static final int MY_INSPECTIONS = 500;

    @GET
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.QUALITY_ASSURANCE, Caller.VIEWER })
    public TemplateInstance home() {
        boolean member = caller.hasRole(Caller.LEAD_INSPECTOR) || caller.hasRole(Caller.INSPECTOR);
        List<Views.InspectionRow> rows = new ArrayList<>();
        if (member) {
            // The newest MY_INSPECTIONS of the caller's team memberships: far more than anyone works on at once.
            for (Inspection i : inspections.visible(null, new PageRequest(MY_INSPECTIONS, List.of())).items()) {
                TeamMember me = TeamMember.find(i.id, caller.username()).orElse(null);
                if (me != null) {
                    rows.add(new Views.InspectionRow(i.id.toString(), i.name, i.pdu, i.region,
                            i.status(Instant.now()).name(), me.role == TeamMember.Role.LEAD ? "Lead inspector" : "Inspector"));
                }
            }
        }
        // Second readers are not on the team: their cases to read are listed apart, linking to the blind page.
        List<Views.InspectionRow> toRead = new ArrayList<>();
        for (Inspection i : secondReadings.inspectionsToRead()) {
            toRead.add(new Views.InspectionRow(i.id.toString(), i.name, i.pdu, i.region, i.status(Instant.now()).name(),
                    "Second reader"));
        }
        return Templates.home(caller.username(), caller.hasRole(Caller.VIEWER), member, rows, toRead,
                config.ratingsUrl() + "/dashboard/");
    }

    @GET
    @Path("/inspections/{id}")
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public TemplateInstance inspection(@PathParam("id") String id, @Context UriInfo uri,
            @QueryParam("unfinished") String unfinished) {
        Inspection inspection = access.ofTeam(id);
        Framework framework = access.framework(inspection);
        Map<UUID, Set<String>> answered = new HashMap<>();
        for (Answer a : Answer.<Answer>list("inspectionId", inspection.id)) {
            answered.computeIfAbsent(a.caseId, k -> new HashSet<>()).add(a.questionId);
        }
        // The filter's parameter is named by the framework (probation: cohort; youth justice: disposal).
        CaseFilter filter = CaseFilter.of(framework);
        String selected = filter.selected(uri.getQueryParameters().getFirst(filter.parameter()));
        boolean onlyUnfinished = unfinished != null && !unfinished.isBlank();
        List<SampledCase> all = SampledCase.list("inspectionId = ?1 order by caseRef", inspection.id);
        List<CaseProgress> cases = new ArrayList<>();
        for (SampledCase c : all) {
            Map<String, Object> values = CaseValues.of(c);
            if (!filter.matches(values, selected)) {
                continue;
            }
            CaseProgress progress = CaseProgress.of(framework, c.caseRef, filter.describe(values), values,
                    answered.getOrDefault(c.id, Set.of()));
            if (!onlyUnfinished || !progress.finished()) {
                cases.add(progress);
            }
        }
        Views.Filter filterView = new Views.Filter(filter.parameter(), filter.label(), filter.options(selected), selected);
        return Templates.inspection(caller.username(), access.view(inspection), nav(inspection, "cases"), cases,
                all.size(), CaseProgress.withCaseQuestions(framework), filterView, onlyUnfinished, panelUrl(inspection));
    }

    @GET
    @Path("/inspections/{id}/cases/{caseRef}")
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public TemplateInstance casePage(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @QueryParam("saved") String saved) {
        return casePage(id, caseRef, null, FormErrors.NONE, saved);
    }

    /** What a refused save leaves on the page: the question, what was sent, why, and whose answer won. */
    record Refusal(String questionId, String answer, String note, String error, Views.Conflict conflict) {
    }

    @Transactional
    TemplateInstance casePage(String id, String caseRef, Refusal refusal, FormErrors errors, String saved) {
        Inspection inspection = access.ofTeam(id);
        SampledCase c = CaseService.find(inspection.id, caseRef);
        Framework framework = access.framework(inspection);
        Map<String, Answer> current = new HashMap<>();
        Answer.<Answer>list("caseId", c.id).forEach(a -> current.put(a.questionId, a));
        Map<String, Object> values = CaseValues.of(c);
        List<Views.Standard> standards = new ArrayList<>();
        for (Framework.Standard s : CaseProgress.answerable(framework, values)) {
            List<Views.KeyQuestion> keyQuestions = new ArrayList<>();
            int answered = 0;
            int total = 0;
            for (Framework.KeyQuestion q : s.keyQuestions()) {
                List<Views.Question> prompts = new ArrayList<>();
                for (Framework.Prompt p : q.prompts()) {
                    prompts.add(question(p.id(), p.text(), true, current.get(p.id()), refusal));
                    answered += current.containsKey(p.id()) ? 1 : 0;
                    total++;
                }
                keyQuestions.add(new Views.KeyQuestion(question(q.id(), q.text(), false, current.get(q.id()), refusal),
                        prompts));
                answered += current.containsKey(q.id()) ? 1 : 0;
                total++;
            }
            standards.add(new Views.Standard(s.id(), s.name(), answered, total, keyQuestions));
        }
        List<String> notAsked = CaseProgress.withCaseQuestions(framework).stream()
                .filter(s -> s.notApplicableBecause(values).isPresent()).map(s -> s.id() + " " + s.name()).toList();
        Views.CaseFacts facts = new Views.CaseFacts(c.caseRef, AttributeFacts.of(framework.attributes(), values),
                notAsked);
        String savedLabel = saved != null && framework.isQuestion(saved) ? "Answer to " + saved + " saved" : null;
        return Templates.casePage(caller.username(), access.view(inspection), nav(inspection, "cases"), facts,
                standards, errors, savedLabel, panelUrl(inspection));
    }

    private static Views.Question question(String id, String text, boolean prompt, Answer a, Refusal refusal) {
        String answer = a == null ? null : a.answer;
        String note = a == null ? null : a.note;
        int version = a == null ? 0 : a.version;
        String error = null;
        Views.Conflict conflict = null;
        if (refusal != null && refusal.questionId().equals(id)) {
            // Show what the inspector sent, so nothing they typed is lost; the version is the current one, so that
            // saving again (after a conflict: "keep mine") is a deliberate overwrite of what they have now seen.
            answer = refusal.answer();
            note = refusal.note();
            error = refusal.error();
            conflict = refusal.conflict();
        }
        return new Views.Question(id, Views.anchor(id), text, prompt, answer, Views.answerLabel(a == null ? null : a.answer),
                note, version, a == null ? null : a.recordedBy, a == null ? null : Views.when(a.recordedAt),
                Views.answerOptions(answer), error, conflict);
    }

    /**
     * Saves one answer. A plain form post gets Post/Redirect/Get back to the question; the page's script posts the
     * same form asking for JSON and gets the API's answer (or its problem document) instead.
     */
    @POST
    @Path("/inspections/{id}/cases/{caseRef}/answers/{questionId}")
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public Object saveAnswer(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @PathParam("questionId") String questionId, @FormParam("answer") String answer,
            @FormParam("note") String note, @FormParam("version") String version, @HeaderParam("Accept") String accept) {
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains("text/html");
        Map<String, String> fields = Map.of("answer", Views.anchor(questionId) + "-YES",
                "note", Views.anchor(questionId) + "-note", "expectedVersion", Views.anchor(questionId) + "-YES");
        try {
            Integer expected = parseVersion(version);
            AnswerService.Recorded r = answers.recordOne(id, caseRef, questionId, answer, note, expected);
            if (json) {
                Answer a = r.answer();
                return Response.ok(new AnswerResource.AnswerView(caseRef, a.questionId, a.answer, a.note, a.version,
                        r.changed(), a.recordedBy, a.recordedAt), MediaType.APPLICATION_JSON).build();
            }
            return seeOther("/workspace/inspections/" + id + "/cases/" + caseRef + "?saved=" + questionId + "#"
                    + Views.anchor(questionId));
        } catch (StaleAnswerException e) {
            if (json) {
                throw e;
            }
            StaleAnswerException.Current now = e.current();
            Views.Conflict conflict = new Views.Conflict(now.answer(), Views.answerLabel(now.answer()), now.note(),
                    now.version(), now.recordedBy(), Views.when(now.recordedAt()));
            FormErrors errors = new FormErrors("There is a problem", List.of(new FormErrors.Item("answer",
                    Views.anchor(questionId) + "-conflict", (now.recordedBy() == null ? "Someone" : now.recordedBy())
                            + " changed the answer to " + questionId + " since you loaded this page: keep yours or take theirs")));
            return Response.status(409).entity(casePage(id, caseRef,
                    new Refusal(questionId, answer, note, null, conflict), errors, null)).type(MediaType.TEXT_HTML).build();
        } catch (ProblemException e) {
            if (json || e.status() == 404 || e.status() == 403) {
                throw e;
            }
            FormErrors errors = FormErrors.of(e, fields, Views.anchor(questionId) + "-YES");
            String message = errors.forField("answer") != null ? errors.forField("answer")
                    : errors.forField("note") != null ? errors.forField("note") : errors.items().get(0).text();
            return Response.status(e.status()).entity(casePage(id, caseRef,
                    new Refusal(questionId, answer, note, message, null), errors, null)).type(MediaType.TEXT_HTML).build();
        }
    }

    static Integer parseVersion(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(version.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw ProblemException.invalid("The answer was not recorded",
                List.of(uk.probation.inspection.platform.problem.Problem.FieldError.field("expectedVersion",
                        "is not a version this page could have sent: reload the page")));
    }

    Views.Nav nav(Inspection inspection, String current) {
        return nav(caller, inspection, current);
    }

    /** The inspection's sub-navigation; the lead's pages are shown only to its lead. */
    static Views.Nav nav(Caller caller, Inspection inspection, String current) {
        return new Views.Nav(inspection.id.toString(), current, isLead(caller, inspection));
    }

    static boolean isLead(Caller caller, Inspection inspection) {
        return caller.hasRole(Caller.LEAD_INSPECTOR) && TeamMember.find(inspection.id, caller.username())
                .filter(m -> m.role == TeamMember.Role.LEAD).isPresent();
    }

    String panelUrl(Inspection inspection) {
        return config.ratingsUrl() + "/dashboard/panel/" + inspection.id;
    }

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
