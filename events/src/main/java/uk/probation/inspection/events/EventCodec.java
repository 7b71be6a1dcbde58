package uk.probation.inspection.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON {@code data} of events to and from their types, strictly: an unknown field, a missing required value, a
 * wrong JSON type or trailing content makes an event undecodable. One mapper for producers and consumers alike,
 * so what one service writes is exactly what the others read.
 */
public final class EventCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    private EventCodec() {
    }

    public static String encode(Object event) {
        Topic.typeOf(event); // only event types are written
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    public static <F> F decode(Topic<F> topic, String type, String data) {
        Class<? extends F> target = topic.classOf(type).orElseThrow(() -> new UndecodableEventException(
                "'" + type + "' is not an event type of " + topic, null));
        if (data == null) {
            throw new UndecodableEventException(type + " without data", null);
        }
        try {
            return JSON.readValue(data, target);
        } catch (JsonProcessingException e) {
            throw new UndecodableEventException(type + " does not match its contract: " + e.getOriginalMessage(), e);
        }
    }

    /** The mapper, for tests and for payloads nested in events (the framework of inspection.opened). */
    public static ObjectMapper mapper() {
        return JSON;
    }
}
