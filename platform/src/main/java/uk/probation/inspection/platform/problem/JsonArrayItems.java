package uk.probation.inspection.platform.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The items of a JSON array, read one at a time as they are asked for, so that a body of a million items never
 * becomes a list of a million objects. Reading is as strict as the mapper's (unknown fields, wrong types, trailing
 * tokens after the array); malformed JSON is a 400 problem naming the item ({@code [3].answer}), as the whole-body
 * reading did. A JSON {@code null} item is returned as null.
 */
public final class JsonArrayItems<T> implements Iterator<T> {

    private final JsonParser parser;
    private final ObjectReader reader;
    private int index;
    private JsonToken next;

    private JsonArrayItems(JsonParser parser, ObjectReader reader) {
        this.parser = parser;
        this.reader = reader;
    }

    /**
     * @throws ProblemException 400 when {@code body} is not JSON starting with an array (callers check the first
     *         character when they also take a single object)
     */
    public static <T> JsonArrayItems<T> of(ObjectMapper json, String body, Class<T> type) {
        try {
            JsonParser parser = json.getFactory().createParser(StrictJson.withoutBom(body == null ? "" : body));
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("The body must be a JSON array");
            }
            // Items are read from the middle of the body: the trailing-token check is made once, after the array.
            return new JsonArrayItems<>(parser, json.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        } catch (JsonProcessingException e) {
            throw ProblemException.malformedJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These items as {@code convert(item, index)} gives them, still read one at a time. */
    public <R> Iterator<R> map(java.util.function.BiFunction<T, Integer, R> convert) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return JsonArrayItems.this.hasNext();
            }

            @Override
            public R next() {
                T item = JsonArrayItems.this.next();
                return convert.apply(item, index - 1);
            }
        };
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = parser.nextToken();
                if (next == JsonToken.END_ARRAY || next == null) {
                    JsonToken after = parser.nextToken();
                    if (next == null || after != null) {
                        throw ProblemException.badRequest("Body is not valid JSON" + where());
                    }
                }
            } catch (JsonProcessingException e) {
                throw ProblemException.malformedJson(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != JsonToken.END_ARRAY;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int at = index++;
        JsonToken token = next;
        next = null;
        try {
            return token == JsonToken.VALUE_NULL ? null : reader.readValue(parser);
        } catch (JsonMappingException e) {
            e.prependPath(Object.class, at); // names the item as reading the whole array did: [3].answer
            throw ProblemException.malformedJson(e);
        } catch (JsonProcessingException e) {
            throw ProblemException.malformedJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String where() {
        var location = parser.currentLocation();
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
