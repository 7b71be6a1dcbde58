package uk.probation.inspection.platform.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import uk.probation.inspection.platform.paging.PageRequest;

/**
 * What the three services' OpenAPI documents share, applied to each when it is built. The document: contact,
 * licence and the bearer security scheme (each service sets its title, description and servers in its
 * application.properties; Quarkus adds each operation's security requirement, with its roles, from
 * {@code @RolesAllowed}; the Problem schema is {@code platform.problem.Problem}). The operations: each 4xx
 * response gets the problem+json {@code Problem} body (operations list their particular errors with a description
 * only), every operation that needs a token gets 401 and 403, and every operation that takes a body gets 400, 413
 * and 415, which the platform's problem mappers and body limits give for any body.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PlatformApiDocument implements OASFilter {

    static final String CONTACT_NAME = "Probation Inspection Platform team";
    static final String CONTACT_EMAIL = "platform-team@probation-inspection.example";
    /** No licence has been chosen for the API: an SPDX reference that says so, until one is. */
    static final String LICENSE_NAME = "Proprietary";
    static final String LICENSE_ID = "LicenseRef-Proprietary";

    static final String ETAG = "ETag";
    static final String LINK = "Link";
    static final String NOT_MODIFIED = "304";
    /** The paging query parameter (platform.paging.PageRequest.CURSOR) that marks a paged list. */
    static final String CURSOR = PageRequest.CURSOR;
    static final String ETAG_TEXT = "The entity tag of this body: send it back in If-None-Match to get 304 while it is unchanged";
    static final String LINK_TEXT = "<...>; rel=\"next\" (RFC 8288) while more items follow: the next page's address, with its cursor";
    static final String NOT_MODIFIED_TEXT = "Not modified: the request's If-None-Match names the current ETag (no body)";

    /** Descriptions Quarkus gives the responses it adds by itself; replaced by ours. */
    private static final Set<String> GENERIC = Set.of("Not Authorized", "Not Allowed", "Bad Request");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        describe(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean globalSecurity = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                complete(entry.getValue(), globalSecurity);
                if (entry.getKey() == PathItem.HttpMethod.GET) {
                    conditional(entry.getValue());
                }
            }
        }
    }

    /** Contact and licence unless the service set its own; the one security scheme every operation uses. */
    static void describe(OpenAPI openAPI) {
        Info info = openAPI.getInfo() == null ? OASFactory.createInfo() : openAPI.getInfo();
        openAPI.setInfo(info);
        if (info.getContact() == null) {
            info.setContact(OASFactory.createContact().name(CONTACT_NAME).email(CONTACT_EMAIL));
        }
        if (info.getLicense() == null) {
            info.setLicense(OASFactory.createLicense().name(LICENSE_NAME).identifier(LICENSE_ID));
        }
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(ApiErrors.BEARER)) {
            components.addSecurityScheme(ApiErrors.BEARER, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An OIDC access token (JWT) from the platform's identity provider; roles in the groups "
                            + "claim: lead-inspector, inspector, viewer, survey-ingest, admin. Each operation lists the roles it allows."));
        }
    }

    static void complete(Operation operation, boolean globalSecurity) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = globalSecurity || (operation.getSecurity() != null && !operation.getSecurity().isEmpty());
        if (secured) {
            ensure(responses, ApiErrors.UNAUTHORIZED, ApiErrors.UNAUTHORIZED_TEXT);
            ensure(responses, ApiErrors.FORBIDDEN, ApiErrors.FORBIDDEN_TEXT);
        }
        if (operation.getRequestBody() != null) {
            ensure(responses, ApiErrors.BAD_REQUEST, ApiErrors.BAD_REQUEST_TEXT);
            ensure(responses, ApiErrors.TOO_LARGE, ApiErrors.TOO_LARGE_TEXT);
            ensure(responses, ApiErrors.UNSUPPORTED_MEDIA_TYPE, ApiErrors.UNSUPPORTED_TEXT);
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            if (entry.getKey().startsWith("4") && entry.getValue().getRef() == null) {
                withProblemBody(entry.getValue());
            }
        }
    }

    /**
     * What the platform adds to every JSON read ({@code http.ConditionalGet}): the ETag of its 200 and a 304 when
     * If-None-Match names it; and to every paged list ({@code paging.Page}, a {@code cursor} parameter) the Link header.
     */
    static void conditional(Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null || ok.getContent().getMediaTypes() == null
                || ok.getContent().getMediaTypes().keySet().stream().noneMatch(PlatformApiDocument::isJson)) {
            return;
        }
        if (ok.getHeaders() == null || !ok.getHeaders().containsKey(ETAG)) {
            ok.addHeader(ETAG, OASFactory.createHeader().description(ETAG_TEXT).schema(text()));
        }
        boolean paged = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && CURSOR.equals(p.getName()));
        if (paged && (ok.getHeaders() == null || !ok.getHeaders().containsKey(LINK))) {
            ok.addHeader(LINK, OASFactory.createHeader().description(LINK_TEXT).schema(text()));
        }
        if (operation.getResponses().getAPIResponse(NOT_MODIFIED) == null) {
            operation.getResponses().addAPIResponse(NOT_MODIFIED,
                    OASFactory.createAPIResponse().description(NOT_MODIFIED_TEXT));
        }
    }

    private static boolean isJson(String mediaType) {
        return mediaType.startsWith("application/json") || mediaType.contains("+json");
    }

    private static Schema text() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static void ensure(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (response.getDescription() == null || GENERIC.contains(response.getDescription())) {
            response.setDescription(description);
        }
    }

    /** The Problem schema under application/problem+json, whatever else (if anything) the response declared. */
    private static void withProblemBody(APIResponse response) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        if (content.getMediaTypes() != null) {
            // An error is never sent as application/json here: the problem mappers always answer problem+json.
            for (String type : List.copyOf(content.getMediaTypes().keySet())) {
                if (!type.equals(ApiErrors.PROBLEM_MEDIA_TYPE)) {
                    content.removeMediaType(type);
                }
            }
        }
        MediaType problem = content.getMediaType(ApiErrors.PROBLEM_MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(ApiErrors.PROBLEM_MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(ApiErrors.PROBLEM_SCHEMA));
        }
    }
}
