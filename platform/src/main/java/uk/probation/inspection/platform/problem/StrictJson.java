package uk.probation.inspection.platform.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict JSON input: JSON followed by anything else (`{"answer":"YES"}}`) is malformed, not silently truncated,
 * and a value of the wrong JSON type is an error, not silently converted (`"note":5` is not the text "5").
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final char BOM = '\uFEFF';

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Applies the rules to {@code mapper}; public so that tests and tools can read JSON as the services do. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // Text into numbers and booleans ("5" -> 5, "true" -> true), numbers into booleans, "" into null.
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // Numbers and booleans into text: Jackson's scalar switch above does not cover text fields.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT); // 1.5 (or 1.0) into a whole number
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES); // null or absent into int/boolean
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS); // 2 as the third constant of an enum
        return mapper;
    }

    // Leading BOM: accepted and dropped, as RFC 8259 §8.1 allows (Jackson skips it in bytes; withoutBom in Strings).
    /** {@code text} without one leading byte-order mark, for JSON bodies that a resource reads as a String. */
    public static String withoutBom(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }
}
