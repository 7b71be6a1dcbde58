package uk.probation.inspection.platform.problem;

import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into application/problem+json: service problems as they are, framework errors with
 * their status, malformed JSON as 400 naming the field, anything unexpected as a bare 500 (logged, never
 * shown: no stack traces or SQL in error bodies).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e.toProblem());
    }

    // Quarkus' own mappers for these two are more specific than the general ones below: without these,
    // a role refusal has an empty body, and an unknown or mistyped JSON field a plain-JSON one.
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Problems.response(403, "Forbidden", "Your role may not use this endpoint");
    }

    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problems.response(400, "Malformed JSON", describe(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json);
        }
        if (cause instanceof ProblemException problem) {
            return problem(problem);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Client error";
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type; use application/json" ;
            default -> title;
        };
        return Problems.response(status, title, detail);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (e instanceof ProblemException problem) {
            return problem(problem);
        }
        if (isDataException(e)) {
            // PostgreSQL class 22 (data exception): a value it cannot store, such as a NUL character or an
            // over-long string. The request is at fault and its transaction has rolled back.
            return Problems.response(400, "Malformed request",
                    "A value in the request cannot be stored (for example a NUL character or a value far too long)");
        }
        LOG.error("Unexpected error", e);
        return Problems.response(500, "Internal error", "The request could not be completed; it has been logged.");
    }

    private static boolean isDataException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** What a field of {@code type} takes, so that a wrong JSON type (`"note":5`) says what to send instead. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return "; expected one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "; expected a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "; expected true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class) {
            return "; expected a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "; expected a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "; expected an array";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "; expected an object";
        }
        return "";
    }

    /** A rejected value as echoed in the detail: long ones are cut, so that a 100 kB string is not sent back. */
    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : null;
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'" + (path != null ? " at " + path : "");
        }
        if (e instanceof InvalidFormatException format) {
            return "Invalid value '" + shown(format.getValue()) + "' for " + (path != null ? path : "a field")
                    + expected(format.getTargetType());
        }
        if (path != null) {
            return "Invalid value for " + path
                    + (e instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : "");
        }
        return "Body is not valid JSON" + (e.getLocation() != null
                ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"
                : "");
    }
}
