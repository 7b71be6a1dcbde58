package uk.probation.inspection.cases.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.inspection.InspectionView;
import uk.probation.inspection.cases.publication.PublicationService;
import uk.probation.inspection.cases.publication.PublishRequest;
import uk.probation.inspection.cases.publication.ReopenRequest;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * Publishing: the preconditions as a GOV.UK task list (the same list publish's 409 gives), the publish or schedule
 * button, and reopening with a reason. Publication itself is the publication service's work; this is its button.
 */
@Path("/workspace/inspections/{id}/publish")
@Produces(MediaType.TEXT_HTML)
public class PublishPage {

    @CheckedTemplate(basePath = "workspace")
    static class Templates {
        static native TemplateInstance publish(String user, InspectionView inspection, Views.Nav nav,
                List<Views.Task> judgementTasks, List<Views.Task> caseTasks, int unmetCount, FormErrors errors,
                String when, String at, String reason, String message);
    }

    @Inject
    InspectionAccess access;

    @Inject
    PublicationService publication;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR })
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        String message = "published".equals(done) ? "The inspection was published"
                : "scheduled".equals(done) ? "The inspection is scheduled for publication"
                : "reopened".equals(done) ? "The inspection was reopened" : null;
        return page(id, FormErrors.NONE, null, null, null, message);
    }

    @Transactional
    TemplateInstance page(String id, FormErrors errors, String when, String at, String reason, String message) {
        Inspection inspection = access.ofTeam(id);
        Framework framework = access.framework(inspection);
        List<FieldError> unmet = publication.unmet(inspection);
        String base = "/workspace/inspections/" + id;
        List<Views.Task> judgementTasks = new ArrayList<>();
        for (Framework.Domain d : framework.domains()) {
            for (Framework.Standard s : d.standards()) {
                if (Framework.Basis.JUDGEMENT.name().equals(s.basis())) {
                    boolean missing = unmet.stream().anyMatch(u -> u.field().equals("judgements/" + s.id()));
                    judgementTasks.add(new Views.Task("Judgement for " + s.id() + " " + s.name(),
                            base + "/judgements#standard-" + Views.anchor(s.id()), !missing, null));
                }
            }
        }
        // Unanswered key questions, grouped by case: "cases/<caseRef>/answers/<questionId>"
        Map<String, List<String>> byCase = new LinkedHashMap<>();
        for (FieldError u : unmet) {
            String[] parts = u.field().split("/");
            if (parts.length == 4 && parts[0].equals("cases")) {
                byCase.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[3]);
            }
        }
        List<Views.Task> caseTasks = byCase.entrySet().stream()
                .map(e -> new Views.Task("Case " + e.getKey(), base + "/cases/" + e.getKey(), false,
                        e.getValue().size() + " key question" + (e.getValue().size() == 1 ? "" : "s")
                                + " unanswered: " + String.join(", ", e.getValue())))
                .toList();
        return Templates.publish(caller.username(), access.view(inspection),
                WorkspaceResource.nav(caller, inspection, "publish"), judgementTasks, caseTasks, unmet.size(), errors,
                when, at, reason, message);
    }

    @POST
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response publish(@PathParam("id") String id, @FormParam("when") String when, @FormParam("at") String at) {
        boolean later = "later".equals(when);
        try {
            if (later && (at == null || at.isBlank())) {
                throw ProblemException.invalid("The inspection was not published",
                        List.of(FieldError.field("at", "is required to schedule publication: an ISO-8601 instant, e.g. 2026-12-01T09:30:00Z")));
            }
            InspectionView view = publication.publish(id, new PublishRequest(later ? at.strip() : null));
            return WorkspaceResource.seeOther("/workspace/inspections/" + id + "/publish?done="
                    + ("SCHEDULED".equals(view.status()) ? "scheduled" : "published"));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            FormErrors errors = FormErrors.of(e, Map.of("at", "at"), "tasks");
            return Response.status(e.status()).type(MediaType.TEXT_HTML)
                    .entity(page(id, summarised(errors), when, at, null, null)).build();
        }
    }

    @POST
    @Path("/reopen")
    @RolesAllowed(Caller.LEAD_INSPECTOR)
    public Response reopen(@PathParam("id") String id, @FormParam("reason") String reason) {
        try {
            publication.reopen(id, new ReopenRequest(reason));
            return WorkspaceResource.seeOther("/workspace/inspections/" + id + "/publish?done=reopened");
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            FormErrors errors = FormErrors.of(e, Map.of("reason", "reason"), "reason");
            return Response.status(e.status()).type(MediaType.TEXT_HTML)
                    .entity(page(id, errors, null, null, reason, null)).build();
        }
    }

    /** A refusal listing hundreds of preconditions: the summary names the first few; the task list shows them all. */
    static FormErrors summarised(FormErrors errors) {
        int shown = 10;
        if (errors.items().size() <= shown) {
            return errors;
        }
        List<FormErrors.Item> items = new ArrayList<>(errors.items().subList(0, shown));
        items.add(new FormErrors.Item("", "tasks", "and " + (errors.items().size() - shown)
                + " more unmet preconditions, listed below"));
        return new FormErrors(errors.title(), items);
    }
}
