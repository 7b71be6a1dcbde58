package uk.probation.inspection.platform.trace;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every REST request works in a trace: the caller's {@code traceparent} continued (a child span), or a new trace.
 * It is in the MDC for the request's log lines and the outbox rows it writes, and returned in the response's
 * {@code traceparent} header so a caller without one learns which id to look for.
 */
public class TraceFilter {

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        TraceParent trace = TraceParent.continueOrStart(request.getHeaderString(Traces.HEADER));
        // The MDC lives in the request's Vert.x context, so it follows the request to its worker thread and ends with it.
        Traces.set(trace);
        request.setProperty(Traces.HEADER, trace.header());
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request, ContainerResponseContext response) {
        Object trace = request.getProperty(Traces.HEADER);
        if (trace != null) {
            response.getHeaders().putSingle(Traces.HEADER, trace);
        }
    }
}
