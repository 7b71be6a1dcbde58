package uk.probation.inspection.platform.http;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ETag and conditional GET for every JSON read, in one place: a {@code 200} to a GET gets an {@code ETag} of its
 * body ({@link EntityTags}); when the request's {@code If-None-Match} names it, the answer is {@code 304} with no
 * body. Only successful reads are touched, after the resource has applied every access rule: a caller who may not
 * read a resource gets its 404/403 whatever tag it sends, and a 304 only confirms a body the caller was sent.
 *
 * <p>The body is serialised here once (with the application's ObjectMapper) and sent as those bytes, so a tagged
 * response costs one digest more than before, not a second serialisation.
 */
public class ConditionalGet {

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        MediaType type = response.getMediaType();
        Object entity = response.getEntity();
        byte[] body;
        if (entity instanceof byte[] bytes && isJson(type)) {
            body = bytes;
        } else if (entity instanceof String text && isJson(type)) {
            body = text.getBytes(StandardCharsets.UTF_8);
        } else if (isJson(type) || (type == null && isPlainObject(entity))) {
            body = json.writeValueAsBytes(entity);
            type = MediaType.APPLICATION_JSON_TYPE;
        } else {
            return; // streams, CSV, HTML, server-sent events: not tagged
        }
        String tag = EntityTags.of(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (EntityTags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        } else {
            response.setEntity(body, null, type);
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"));
    }

    private static boolean isPlainObject(Object entity) {
        return !(entity instanceof String || entity instanceof byte[] || entity instanceof java.io.InputStream
                || entity instanceof jakarta.ws.rs.core.StreamingOutput || entity instanceof java.io.File
                || entity instanceof java.nio.file.Path || entity.getClass().getName().startsWith("io.smallrye.mutiny")
                || entity.getClass().getName().startsWith("io.quarkus.qute"));
    }
}
