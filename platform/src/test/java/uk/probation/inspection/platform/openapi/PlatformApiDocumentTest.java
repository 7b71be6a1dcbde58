package uk.probation.inspection.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class PlatformApiDocumentTest {

    private static Operation secured() {
        return OASFactory.createOperation().operationId("op")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(ApiErrors.BEARER, List.of("admin")));
    }

    private static OpenAPI document(Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things/{id}", OASFactory.createPathItem().POST(operation)));
    }

    @Test
    void aListedErrorKeepsItsDescriptionAndGetsTheProblemBody() {
        Operation operation = secured().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                .addAPIResponse("404", OASFactory.createAPIResponse().description("No such thing")));
        new PlatformApiDocument().filterOpenAPI(document(operation));

        APIResponse notFound = operation.getResponses().getAPIResponse("404");
        assertEquals("No such thing", notFound.getDescription());
        assertEquals("#/components/schemas/Problem",
                notFound.getContent().getMediaType(ApiErrors.PROBLEM_MEDIA_TYPE).getSchema().getRef());
        assertNull(operation.getResponses().getAPIResponse("200").getContent(), "a success response is left alone");
    }

    @Test
    void aSecuredOperationGets401And403AndOneWithABodyGets400413And415() {
        Operation withBody = secured().requestBody(OASFactory.createRequestBody());
        Operation withoutBody = secured();
        new PlatformApiDocument().filterOpenAPI(document(withBody));
        new PlatformApiDocument().filterOpenAPI(document(withoutBody));

        assertTrue(withBody.getResponses().getAPIResponses().keySet().containsAll(List.of("400", "401", "403", "413", "415")));
        assertEquals(List.of("401", "403"), List.copyOf(withoutBody.getResponses().getAPIResponses().keySet()));
        withBody.getResponses().getAPIResponses().values().forEach(r ->
                assertFalse(r.getContent().getMediaTypes().isEmpty(), "every error has the Problem body"));
    }

    @Test
    void quarkusDefaultDescriptionsAreReplacedAndJsonErrorBodiesBecomeProblems() {
        Operation operation = secured().responses(OASFactory.createAPIResponses()
                .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"))
                .addAPIResponse("409", OASFactory.createAPIResponse().description("Conflict").content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType()))));
        new PlatformApiDocument().filterOpenAPI(document(operation));

        assertEquals(ApiErrors.UNAUTHORIZED_TEXT, operation.getResponses().getAPIResponse("401").getDescription());
        assertEquals(List.of(ApiErrors.PROBLEM_MEDIA_TYPE),
                List.copyOf(operation.getResponses().getAPIResponse("409").getContent().getMediaTypes().keySet()));
    }

    private static APIResponse json() {
        return OASFactory.createAPIResponse().description("OK").content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType()));
    }

    @Test
    void aJsonReadGetsItsETagAnd304AndAPagedListItsLink() {
        Operation read = secured().responses(OASFactory.createAPIResponses().addAPIResponse("200", json()));
        Operation list = secured().responses(OASFactory.createAPIResponses().addAPIResponse("200", json()))
                .addParameter(OASFactory.createParameter().name("cursor").in(Parameter.In.QUERY));
        Operation csv = secured().responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory
                .createAPIResponse().description("OK").content(OASFactory.createContent()
                        .addMediaType(ApiErrors.CSV, OASFactory.createMediaType()))));
        Operation write = secured().responses(OASFactory.createAPIResponses().addAPIResponse("200", json()));
        new PlatformApiDocument().filterOpenAPI(OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/things/{id}", OASFactory.createPathItem().GET(read).PUT(write))
                .addPathItem("/things", OASFactory.createPathItem().GET(list))
                .addPathItem("/things.csv", OASFactory.createPathItem().GET(csv))));

        assertEquals(List.of("ETag"), List.copyOf(read.getResponses().getAPIResponse("200").getHeaders().keySet()));
        assertNotNull(read.getResponses().getAPIResponse("304"));
        assertEquals(List.of("ETag", "Link"), List.copyOf(list.getResponses().getAPIResponse("200").getHeaders().keySet()));
        assertNull(csv.getResponses().getAPIResponse("304"), "only JSON reads are tagged");
        assertNull(write.getResponses().getAPIResponse("304"), "only GETs are tagged");
        assertNull(write.getResponses().getAPIResponse("200").getHeaders());
    }

    @Test
    void theDocumentGetsContactLicenceAndTheBearerScheme() {
        OpenAPI openAPI = document(secured());
        new PlatformApiDocument().filterOpenAPI(openAPI);

        assertEquals(PlatformApiDocument.LICENSE_ID, openAPI.getInfo().getLicense().getIdentifier());
        assertEquals(PlatformApiDocument.CONTACT_EMAIL, openAPI.getInfo().getContact().getEmail());
        assertEquals("bearer", openAPI.getComponents().getSecuritySchemes().get(ApiErrors.BEARER).getScheme());
    }
}
