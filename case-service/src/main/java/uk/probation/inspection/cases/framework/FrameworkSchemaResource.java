package uk.probation.inspection.cases.framework;

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
public class FrameworkSchemaResource {

    static final String RESOURCE = "schemas/framework.schema.json";

    private static final byte[] SCHEMA = read();

    @GET
    @Produces("application/schema+json")
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
