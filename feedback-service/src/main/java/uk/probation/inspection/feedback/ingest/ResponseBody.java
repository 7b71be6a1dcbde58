package uk.probation.inspection.feedback.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.platform.csv.CsvFormatException;
import uk.probation.inspection.platform.csv.CsvTable;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.problem.StrictJson;

/**
 * Turns a request body (already decoded as UTF-8) into rows, checking the columns: CSV with a header row, or
 * a JSON array of objects keyed by the same column names. Malformed text is 400; an empty body or wrong
 * columns are 422.
 */
public final class ResponseBody {

    private ResponseBody() {
    }

    /** Rows whose columns are right, and the column problems of the others (JSON objects are checked one by one). */
    public record Parsed(List<RawRow> rows, List<FieldError> errors) {
    }

    public static Parsed csv(String text, ResponseValidator validator) {
        if (text.isBlank()) {
            throw empty();
        }
        CsvTable table;
        try {
            table = CsvTable.parse(text);
        } catch (CsvFormatException e) {
            throw new ProblemException(400, "Malformed CSV", "The body is not valid CSV (RFC 4180)",
                    List.of(FieldError.line(e.line(), null, e.getMessage())));
        }
        List<FieldError> columnErrors = validator.checkColumns(table.header(), RawRow.csv(1, Map.of()));
        if (!columnErrors.isEmpty()) {
            throw ProblemException.invalid("The header row does not match the template", columnErrors);
        }
        if (table.rows().isEmpty()) {
            throw ProblemException.invalid("The CSV has a header row but no responses",
                    List.of(FieldError.line(1, null, "no response rows")));
        }
        return new Parsed(table.rows().stream().map(row -> RawRow.csv(row.line(), row.cells())).toList(), List.of());
    }

    public static Parsed json(String text, ObjectMapper json, ResponseValidator validator) {
        if (text.isBlank()) {
            throw empty();
        }
        JsonNode root;
        try {
            root = json.readTree(StrictJson.withoutBom(text));
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("Body is not valid JSON" + (e.getLocation() != null
                    ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"
                    : ""));
        }
        if (root == null || !root.isArray()) {
            throw ProblemException.badRequest("Body must be a JSON array of response objects");
        }
        if (root.isEmpty()) {
            throw ProblemException.invalid("The array holds no responses",
                    List.of(FieldError.field("body", "no responses")));
        }
        List<RawRow> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            if (!item.isObject()) {
                errors.add(FieldError.field("[" + i + "]", "must be an object keyed by column name"));
                continue;
            }
            Map<String, Object> cells = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                cells.put(field.getKey(), cell(field.getValue()));
            }
            RawRow row = RawRow.json(i, cells);
            List<FieldError> columnErrors = validator.checkColumns(cells.keySet(), row);
            if (columnErrors.isEmpty()) {
                rows.add(row);
            } else {
                errors.addAll(columnErrors);
            }
        }
        return new Parsed(rows, errors);
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

    private static ProblemException empty() {
        return ProblemException.invalid("The body is empty", List.of(FieldError.field("body", "no responses")));
    }
}
