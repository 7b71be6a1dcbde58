package uk.probation.inspection.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers 413 application/problem+json naming the limit when a request body is over
 * {@code quarkus.http.limits.max-body-size}.
 *
 * <p>Quarkus enforces that limit in the HTTP layer, before any JAX-RS exception mapper: a route checks a declared
 * Content-Length, and the body stream cuts off a chunked body; both end the response with an empty body. This route
 * runs just before Quarkus' own: it refuses a declared over-limit length itself, and reads a body of unknown length
 * (chunked, or HTTP/2 without a length) with a limited body handler whose 413 failure it renders, so Quarkus' empty
 * answers are never reached.
 */
@ApplicationScoped
public class BodyLimit {

    /** Before Quarkus' upload-limit route; after the routes that set the configured response headers. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    /** How long the rest of a refused body is read and dropped before the connection is closed. */
    static final long LINGER_MILLIS = 2_000;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        install(router, maxBodySize.asLongValue(), json);
    }

    /** Adds the limit route to {@code router}; {@code limit} in bytes. */
    public static void install(Router router, long limit, ObjectMapper json) {
        // File uploads off: the services take JSON and CSV only, and nothing should be written to disk here.
        BodyHandler unknownLength = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(ORDER)
                .handler(check(limit, unknownLength, json))
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        refuse(ctx, limit, null, true, json); // the body handler has asked for the body (100 Continue)
                    } else {
                        ctx.next();
                    }
                });
    }

    private static Handler<RoutingContext> check(long limit, BodyHandler unknownLength, ObjectMapper json) {
        return ctx -> {
            HttpServerRequest request = ctx.request();
            String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null) {
                if (isOver(declared, limit)) {
                    // A client that sent Expect: 100-continue waits for the word to send the body; none will come.
                    boolean bodyFollows = !"100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
                    refuse(ctx, limit, declared.trim(), bodyFollows, json);
                } else {
                    ctx.next();
                }
            } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || request.version() == HttpVersion.HTTP_2) {
                unknownLength.handle(ctx); // calls ctx.next() with the body read, or fails with 413 past the limit
            } else {
                ctx.next();
            }
        };
    }

    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // not a length: left to the HTTP codec and Quarkus, as before
        }
    }

    static String detail(long limit, String declared) {
        return "The request body is larger than the limit of " + readable(limit) + " (" + limit + " bytes)"
                + (declared != null ? "; its Content-Length is " + declared + " bytes" : "")
                + ". Send less data per request.";
    }

    static String readable(long bytes) {
        long mb = 1024 * 1024;
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    private static void refuse(RoutingContext ctx, long limit, String declared, boolean bodyFollows, ObjectMapper json) {
        uk.probation.inspection.platform.audit.AuditLog.tooLarge(ctx); // refused before any resource: audited here
        HttpServerResponse response = ctx.response();
        HttpServerRequest request = ctx.request();
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        if (response.headWritten()) {
            if (http1) {
                request.connection().close();
            }
            return;
        }
        Buffer body;
        try {
            body = Buffer.buffer(json.writeValueAsBytes(
                    new Problem(Problems.typeFor(413), "Payload too large", 413, detail(limit, declared), null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (!http1) {
            response.end(body); // the connection carries other requests: only this one ends
            return;
        }
        // The connection is not reused. Closing it while the client is still sending would make the kernel
        // answer with a reset, which often destroys the 413 before the client reads it; so the rest of the body
        // is read and dropped for a short while first, as web servers do ("lingering close").
        response.putHeader(HttpHeaders.CONNECTION, "close");
        HttpConnection connection = request.connection();
        if (bodyFollows && !request.isEnded()) {
            long timer = ctx.vertx().setTimer(LINGER_MILLIS, t -> connection.close());
            request.handler(dropped -> {
            }).endHandler(end -> {
                ctx.vertx().cancelTimer(timer);
                connection.close();
            }).resume();
        } else {
            response.endHandler(done -> connection.close());
        }
        response.end(body);
    }
}
