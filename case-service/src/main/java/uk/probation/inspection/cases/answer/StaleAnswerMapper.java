package uk.probation.inspection.cases.answer;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import uk.probation.inspection.platform.problem.Problem;

/** 409 problem+json for a stale answer write, with the current answer under {@code current} and its ETag. */
public class StaleAnswerMapper {

    @ServerExceptionMapper
    public Response stale(StaleAnswerException e) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://probation-inspection.example/problems/conflict");
        problem.put("title", "Answer changed by someone else");
        problem.put("status", 409);
        problem.put("detail", e.getMessage());
        problem.put("expectedVersion", e.expected());
        problem.put("current", e.current());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem)
                .header("ETag", AnswerVersionCheck.etag(e.current().version())).build();
    }
}
