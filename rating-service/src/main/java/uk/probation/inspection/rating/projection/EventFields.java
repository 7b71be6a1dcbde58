package uk.probation.inspection.rating.projection;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import uk.probation.inspection.rating.rules.Rating;

/** Reads the fields of an event's data, refusing what would be malformed (a {@link BadEventException}). */
public final class EventFields {

    private EventFields() {
    }

    public static String text(JsonNode data, String field) {
        String value = optionalText(data, field);
        if (value == null || value.isBlank()) {
            throw new BadEventException("field '" + field + "' missing");
        }
        return value;
    }

    public static String optionalText(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        // PostgreSQL cannot store NUL in text: refused here, it would otherwise fail every retry of the batch.
        if (text.indexOf('\u0000') >= 0) {
            throw new BadEventException("field '" + field + "' contains a NUL character");
        }
        return text;
    }

    public static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(text(data, field));
        } catch (IllegalArgumentException e) {
            throw new BadEventException("field '" + field + "' is not a UUID", e);
        }
    }

    public static int integer(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new BadEventException("field '" + field + "' missing or not a whole number");
        }
        return value.asInt();
    }

    public static Rating rating(String value) {
        try {
            return Rating.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BadEventException("unknown rating '" + value + "'", e);
        }
    }
}
