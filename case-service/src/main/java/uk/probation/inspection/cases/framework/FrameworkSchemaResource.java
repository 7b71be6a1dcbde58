package uk.probation.inspection.cases.framework;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.probation.inspection.platform.openapi.ApiErrors;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import uk.probation.inspection.platform.security.Caller;

/** The JSON Schema of the framework format (docs/framework.schema.json), for clients that prepare frameworks. */
@Path("/framework-schema")
@Tag(name = "Frameworks", description = "Standards frameworks: domains, standards, key questions, prompts and rating rules")
public class FrameworkSchemaResource {

    static final String RESOURCE = "schemas/framework.schema.json";

    private static final byte[] SCHEMA = read();

    @GET
    @Produces("application/schema+json")
    @Operation(operationId = "getFrameworkSchema", summary = "The JSON Schema of the framework format, for clients that prepare frameworks")
    @APIResponse(responseCode = "200", description = "The JSON Schema (draft 2020-12) of a framework document",
            content = @Content(mediaType = "application/schema+json", schema = @Schema(type = SchemaType.OBJECT)))
    @RolesAllowed({ Caller.LEAD_INSPECTOR, Caller.INSPECTOR, Caller.ADMIN, Caller.VIEWER })
    public byte[] schema() {
        return SCHEMA;
    }

    private static byte[] read() {
        try (InputStream in = FrameworkSchemaResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
