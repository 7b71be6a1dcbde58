package uk.probation.inspection.feedback.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.platform.csv.CsvFormatException;
import uk.probation.inspection.platform.csv.CsvReader;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.platform.problem.JsonArrayItems;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.problem.StrictJson;
import uk.probation.inspection.platform.problem.ValidationErrors;

/**
 * Turns a request body (already decoded as UTF-8) into rows, read one at a time as the validator asks for them (a
 * 2 MB body of tiny bad rows never becomes a list of them): CSV with a header row, whose columns are checked here,
 * or a JSON array of objects keyed by the same column names, each checked by the validator. Malformed text is 400
 * (when it is reached); an empty body or a wrong header is 422.
 */
public final class ResponseBody {

    private ResponseBody() {
    }

    public static Iterator<RawRow> csv(String text, ResponseValidator validator) {
        if (text.isBlank()) {
            throw empty();
        }
        CsvReader reader;
        try {
            reader = CsvTable.reader(text);
        } catch (CsvFormatException e) {
            throw malformed(e);
        }
        List<FieldError> columnErrors = validator.checkColumns(reader.header(), RawRow.csv(1, Map.of()));
        if (!columnErrors.isEmpty()) {
            ValidationErrors listed = new ValidationErrors(); // a header of 100,000 unknown columns lists 100
            listed.addAll(columnErrors);
            throw listed.refuse("The header row does not match the template");
        }
        Iterator<RawRow> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return reader.hasNext();
                } catch (CsvFormatException e) {
                    throw malformed(e);
                }
            }

            @Override
            public RawRow next() {
                try {
                    CsvTable.Row row = reader.next();
                    return RawRow.csv(row.line(), row.cells());
                } catch (CsvFormatException e) {
                    throw malformed(e);
                }
            }
        };
        if (!rows.hasNext()) {
            throw ProblemException.invalid("The CSV has a header row but no responses",
                    List.of(FieldError.line(1, null, "no response rows")));
        }
        return rows;
    }

    public static Iterator<RawRow> json(String text, ObjectMapper json) {
        if (text.isBlank()) {
            throw empty();
        }
        if (!StrictJson.withoutBom(text).stripLeading().startsWith("[")) {
            throw ProblemException.badRequest("Body must be a JSON array of response objects");
        }
        JsonArrayItems<JsonNode> items;
        try {
            items = JsonArrayItems.of(json, text, JsonNode.class);
            if (!items.hasNext()) {
                throw ProblemException.invalid("The array holds no responses",
                        List.of(FieldError.field("body", "no responses")));
            }
        } catch (ProblemException e) {
            throw asBadRequest(e);
        }
        Iterator<RawRow> rows = items.map(ResponseBody::row);
        return new Iterator<>() { // malformed JSON keeps this endpoint's title ("Malformed request") and detail
            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (ProblemException e) {
                    throw asBadRequest(e);
                }
            }

            @Override
            public RawRow next() {
                try {
                    return rows.next();
                } catch (ProblemException e) {
                    throw asBadRequest(e);
                }
            }
        };
    }

    private static ProblemException asBadRequest(ProblemException e) {
        return e.status() == 400 ? ProblemException.badRequest(e.getMessage()) : e;
    }

    private static RawRow row(JsonNode item, int index) {
        if (item == null || !item.isObject()) {
            return RawRow.notAnObject(index);
        }
        Map<String, Object> cells = new LinkedHashMap<>();
        item.fields().forEachRemaining(field -> cells.put(field.getKey(), cell(field.getValue())));
        return RawRow.json(index, cells);
    }

    /** JSON values as the validator sees them: null, a string, a list of (string or other) items, or other. */
    private static Object cell(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isTextual() ? item.textValue() : item));
            return items;
        }
        return node; // numbers, booleans, objects: the validator names them as not strings
    }

    private static ProblemException malformed(CsvFormatException e) {
        return new ProblemException(400, "Malformed CSV", "The body is not valid CSV (RFC 4180)",
                List.of(FieldError.line(e.line(), null, e.getMessage())));
    }

    private static ProblemException empty() {
        return ProblemException.invalid("The body is empty", List.of(FieldError.field("body", "no responses")));
    }
}
