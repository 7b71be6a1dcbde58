package uk.probation.inspection.platform.openapi;

/**
 * Names and texts for documenting errors. An operation lists only the errors particular to it, with a description
 * and no content, e.g. {@code @APIResponse(responseCode = ApiErrors.NOT_FOUND, description = "No such inspection")};
 * {@link PlatformApiDocument} gives every error response the problem+json Problem body and adds those that any
 * operation of its kind can give (401 and 403 where a token is needed; 400, 413 and 415 where there is a body).
 */
public final class ApiErrors {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    public static final String BEARER = "bearer";
    public static final String CSV = "text/csv";

    public static final String BAD_REQUEST = "400";
    public static final String UNAUTHORIZED = "401";
    public static final String FORBIDDEN = "403";
    public static final String NOT_FOUND = "404";
    public static final String CONFLICT = "409";
    public static final String TOO_LARGE = "413";
    public static final String UNSUPPORTED_MEDIA_TYPE = "415";
    public static final String UNPROCESSABLE = "422";

    /** The 404 of every resource under /inspections/{id}: unknown, or not one the caller may see (same answer). */
    public static final String NO_INSPECTION = "No such inspection, or not one the caller may see";
    /** The 409 of every write to an inspection while it is scheduled or published. */
    public static final String FROZEN = "The inspection is scheduled or published: nothing of it can change until it is reopened";

    static final String BAD_REQUEST_TEXT = "Malformed request: the body is not valid JSON or CSV, or a value has the wrong type";
    static final String UNAUTHORIZED_TEXT = "No bearer token, or one that is invalid or expired";
    static final String FORBIDDEN_TEXT = "The caller's roles do not allow this operation";
    static final String TOO_LARGE_TEXT = "The body, or the number of items in it, is over the limit";
    static final String UNSUPPORTED_TEXT = "The body's media type is not one this operation accepts";

    private ApiErrors() {
    }
}
