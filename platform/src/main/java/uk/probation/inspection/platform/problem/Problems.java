package uk.probation.inspection.platform.problem;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    static String typeFor(int status) {
        return "https://probation-inspection.example/problems/" + switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "validation-failed";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String title, String detail) {
        return response(new Problem(typeFor(status), title, status, detail, null));
    }
}
