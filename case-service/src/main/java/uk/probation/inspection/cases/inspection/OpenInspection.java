package uk.probation.inspection.cases.inspection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/** The body of {@code POST /inspections}; {@link #problems()} lists every rule it breaks. */
@Schema(description = "A new inspection", requiredProperties = { "name", "region", "pdu", "frameworkId", "fieldworkStart",
        "sampleFrom", "sampleTo" })
public record OpenInspection(@Schema(maxLength = 200, examples = "Newham PDU") String name,
        @Schema(maxLength = 100, examples = "London") String region,
        @Schema(maxLength = 100, examples = "Newham") String pdu,
        @Schema(examples = "hmip-probation-pdu-2021") String frameworkId,
        @Schema(format = "date", examples = "2022-09-05") String fieldworkStart,
        @Schema(format = "date", examples = "2022-01-24") String sampleFrom,
        @Schema(format = "date", examples = "2022-02-25") String sampleTo) {

    static final int MAX_NAME = 200;
    static final int MAX_PLACE = 100;

    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "name", name, MAX_NAME);
        text(errors, "region", region, MAX_PLACE);
        text(errors, "pdu", pdu, MAX_PLACE);
        if (frameworkId == null || frameworkId.isBlank()) {
            errors.add(FieldError.field("frameworkId", "is required"));
        }
        LocalDate fieldwork = date(errors, "fieldworkStart", fieldworkStart);
        LocalDate from = date(errors, "sampleFrom", sampleFrom);
        LocalDate to = date(errors, "sampleTo", sampleTo);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(FieldError.field("sampleTo", "must not be before sampleFrom"));
        }
        if (to != null && fieldwork != null && to.isAfter(fieldwork)) {
            errors.add(FieldError.field("fieldworkStart", "must not be before the end of the sample window (sampleTo)"));
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.field(field, "is required"));
        } else if (value.length() > max) {
            errors.add(FieldError.field(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(FieldError.field(field, "must not contain control characters"));
        }
    }

    static LocalDate date(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.field(field, "is required (an ISO date, e.g. 2022-09-05)"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                errors.add(FieldError.field(field, "must be a date between 2000 and 2100"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.field(field, "'" + value + "' is not an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }
}
