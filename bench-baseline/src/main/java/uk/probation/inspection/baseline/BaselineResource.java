package uk.probation.inspection.baseline;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

/** The same path shape and body as case-service's answer PUT; inserts one row and echoes it. */
@Path("/inspections/{id}/cases/{caseRef}/answers/{questionId}")
public class BaselineResource {

    public record AnswerBody(String answer, String note) {
    }

    public record AnswerView(String caseRef, String questionId, String answer, String recordedBy, Instant recordedAt) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "lead-inspector", "inspector" })
    @Transactional
    public AnswerView put(@PathParam("id") String id, @PathParam("caseRef") String caseRef,
            @PathParam("questionId") String questionId, AnswerBody body) {
        RecordedAnswer row = new RecordedAnswer();
        row.id = UUID.randomUUID();
        row.inspectionId = id;
        row.caseRef = caseRef;
        row.questionId = questionId;
        row.answer = body == null || body.answer() == null ? "" : body.answer();
        row.recordedBy = identity.getPrincipal().getName();
        row.recordedAt = Instant.now();
        entityManager.persist(row);
        return new AnswerView(caseRef, questionId, row.answer, row.recordedBy, row.recordedAt);
    }
}
