package uk.probation.inspection.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The services' JSON rules: wrong scalar types fail naming the field; right ones, and a leading BOM, are read. */
class StrictJsonTest {

    /** Quarkus registers the Java time module on its mapper; the same here. */
    static final ObjectMapper JSON = StrictJson.configure(new ObjectMapper().registerModule(new JavaTimeModule()));

    enum Answer { YES, NO }

    record Note(String answer, String note) {
    }

    record Typed(Integer version, int count, Boolean published, boolean flag, Double share, List<String> tags,
            Answer answer, LocalDate day, Instant at) {
    }

    static String failure(String body, Class<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, type), body);
        return ProblemMappers.describe(e);
    }

    @Test
    void numbersAndBooleansAreNotText() {
        assertEquals("Invalid value '5' for note; expected a string", failure("{\"answer\":\"YES\",\"note\":5}", Note.class));
        assertEquals("Invalid value '5.5' for note; expected a string", failure("{\"note\":5.5}", Note.class));
        assertEquals("Invalid value 'true' for answer; expected a string", failure("{\"answer\":true}", Note.class));
        assertEquals("Invalid value '7' for [1]", failure("[\"a\",7]", String[].class).replace("; expected a string", ""));
        assertEquals("Invalid value '2' for tags[1]; expected a string", failure("{\"tags\":[\"a\",2]}", Typed.class));
    }

    @Test
    void textIsNotANumberOrABoolean() {
        assertEquals("Invalid value for version; expected a whole number", failure("{\"version\":\"5\"}", Typed.class));
        assertEquals("Invalid value for share; expected a number", failure("{\"share\":\"0.5\"}", Typed.class));
        assertEquals("Invalid value for published; expected true or false", failure("{\"published\":\"true\"}", Typed.class));
        assertEquals("Invalid value for flag; expected true or false", failure("{\"count\":1,\"flag\":\"false\"}", Typed.class));
        assertEquals("Invalid value '1' for published; expected true or false", failure("{\"published\":1}", Typed.class));
        assertEquals("Invalid value for version; expected a whole number", failure("{\"version\":true}", Typed.class));
        assertEquals("Invalid value '' for version; expected a whole number", failure("{\"version\":\"\"}", Typed.class));
    }

    @Test
    void fractionsNullsAndOrdinalsAreRefused() {
        assertEquals("Invalid value '1.5' for version; expected a whole number", failure("{\"version\":1.5}", Typed.class));
        assertEquals("Invalid value '2.0' for count; expected a whole number", failure("{\"count\":2.0}", Typed.class));
        assertEquals("Invalid value for count; expected a whole number", failure("{\"count\":null,\"flag\":true}", Typed.class));
        assertEquals("Invalid value for flag; expected true or false", failure("{\"count\":1,\"flag\":null}", Typed.class));
        assertEquals("Invalid value '1' for answer; expected one of [YES, NO]",
                failure("{\"count\":1,\"flag\":true,\"answer\":1}", Typed.class));
    }

    @Test
    void valuesOfTheRightTypeAreRead() throws Exception {
        Typed typed = JSON.readValue("{\"version\":3,\"count\":2,\"published\":false,\"flag\":true,\"share\":1,"
                + "\"tags\":[\"a\"],\"answer\":\"NO\",\"day\":\"2022-01-24\",\"at\":\"2022-09-05T10:00:00Z\"}", Typed.class);
        assertEquals(new Typed(3, 2, false, true, 1.0, List.of("a"), Answer.NO, LocalDate.of(2022, 1, 24),
                Instant.parse("2022-09-05T10:00:00Z")), typed);
        assertEquals(new Note("YES", null), JSON.readValue("{\"answer\":\"YES\",\"note\":null}", Note.class));
        // Untyped values keep their JSON types: nothing is coerced, nothing refused.
        assertEquals(Map.of("a", 1, "b", true, "c", "x"), JSON.readValue("{\"a\":1,\"b\":true,\"c\":\"x\"}",
                new TypeReference<Map<String, Object>>() {
                }));
    }

    @Test
    void trailingTokensStayMalformed() {
        assertEquals("Body is not valid JSON (line 1, column 17)", failure("{\"answer\":\"YES\"}}", Note.class));
    }

    @Test
    void aLeadingBomIsDroppedNotStored() throws Exception {
        String body = "\uFEFF{\"answer\":\"YES\",\"note\":\"n\"}";
        // Bytes, as JAX-RS hands a typed body to Jackson: the BOM is skipped before the first token.
        assertEquals(new Note("YES", "n"), JSON.readValue(body.getBytes(StandardCharsets.UTF_8), Note.class));
        // Text, as resources that take a String body read it: only after withoutBom.
        assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, Note.class));
        assertEquals(new Note("YES", "n"), JSON.readValue(StrictJson.withoutBom(body), Note.class));
        // One BOM only; one inside a value is content, kept as sent.
        assertThrows(JsonProcessingException.class, () -> JSON.readValue(StrictJson.withoutBom("\uFEFF" + body), Note.class));
        assertEquals("\uFEFFn", JSON.readValue("{\"note\":\"\uFEFFn\"}", Note.class).note());
        assertFalse(StrictJson.withoutBom("[1]").startsWith("\uFEFF"));
        assertEquals(null, StrictJson.withoutBom(null));
        assertEquals("", StrictJson.withoutBom("\uFEFF"));
    }
}
