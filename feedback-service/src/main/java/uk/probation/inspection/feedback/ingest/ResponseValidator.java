package uk.probation.inspection.feedback.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import uk.probation.inspection.feedback.template.QuestionType;
import uk.probation.inspection.feedback.template.SurveyTemplate;
import uk.probation.inspection.feedback.template.SurveyTemplate.Demographic;
import uk.probation.inspection.feedback.template.SurveyTemplate.Question;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ValidationErrors;

/**
 * Checks submitted rows against a template, cell by cell, and collects every problem. Rules: every column
 * present and no other; respondent_id present, well-formed and unique in the request; channel one of the
 * template's; an empty cell is "not answered"; other cells one of the allowed values; multiple choice as
 * distinct options separated by ';' with an exclusive option (NONE) alone; a conditional question answered
 * only when its condition holds; a channel-restricted question answered only on that channel.
 */
public final class ResponseValidator {

    public static final int MAX_FREE_TEXT = 4000;
    private static final Pattern RESPONDENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Respondents when {@code errors} is empty; otherwise nothing may be stored. */
    public record Result(List<Respondent> respondents, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final SurveyTemplate template;

    public ResponseValidator(SurveyTemplate template) {
        this.template = template;
    }

    /** Problems with a set of columns (a CSV header, or the keys of one JSON object), located by {@code row}. */
    public List<FieldError> checkColumns(Collection<String> present, RawRow row) {
        List<FieldError> errors = new ArrayList<>();
        List<String> expected = template.columns();
        for (String column : present) {
            if (!expected.contains(column)) {
                errors.add(row.error(column, "unknown column '" + column + "'; template " + template.id()
                        + " has " + String.join(", ", expected)));
            }
        }
        for (String column : expected) {
            if (!present.contains(column)) {
                errors.add(row.error(column, "missing column '" + column + "'"));
            }
        }
        return errors;
    }

    /** Validates {@code rows} (see {@link #validate(Iterator, ValidationErrors)}), listing at most the first 100 problems. */
    public Result validate(List<RawRow> rows) {
        ValidationErrors errors = new ValidationErrors();
        List<Respondent> respondents = validate(rows.iterator(), errors);
        return new Result(respondents, errors.listed());
    }

    /**
     * Validates rows one at a time as they are read, until they end or {@code errors} is full; returns the
     * respondents when no problem was found, nothing otherwise. A CSV's columns are checked once, at its header
     * (see {@link #checkColumns}); a JSON object carries its own, so each is checked here, and one with wrong
     * columns is not checked further.
     */
    public List<Respondent> validate(Iterator<RawRow> rows, ValidationErrors errors) {
        Map<String, String> firstSeen = new HashMap<>(); // respondent id -> where, for duplicates
        return errors.checkEach(rows, (row, sink) -> {
            if (row.cells() == null) {
                sink.add(row.error(null, "must be an object keyed by column name"));
                return null;
            }
            if (row.index() != null) {
                List<FieldError> columnErrors = checkColumns(row.cells().keySet(), row);
                if (!columnErrors.isEmpty()) {
                    sink.addAll(columnErrors);
                    return null;
                }
            }
            List<FieldError> rowErrors = new ArrayList<>();
            Respondent respondent = validateRow(row, rowErrors);
            if (respondent.id() != null) {
                String earlier = firstSeen.putIfAbsent(respondent.id(), row.where());
                if (earlier != null) {
                    rowErrors.add(row.error(SurveyTemplate.RESPONDENT_COLUMN, "respondent '" + respondent.id()
                            + "' appears twice in this request (first at " + earlier + ")"));
                }
            }
            sink.addAll(rowErrors);
            return respondent;
        });
    }

    private Respondent validateRow(RawRow row, List<FieldError> errors) {
        int before = errors.size();
        String id = text(row, SurveyTemplate.RESPONDENT_COLUMN, errors);
        if (errors.size() > before) {
            id = null;
        } else if (id == null) {
            errors.add(row.error(SurveyTemplate.RESPONDENT_COLUMN, "required"));
        } else if (!RESPONDENT_ID.matcher(id).matches()) {
            errors.add(row.error(SurveyTemplate.RESPONDENT_COLUMN,
                    "'" + id + "' is not a respondent id (up to 64 letters, digits, '.', '_', '-')"));
            id = null;
        }
        before = errors.size();
        String channel = text(row, SurveyTemplate.CHANNEL_COLUMN, errors);
        if (errors.size() > before) {
            channel = null;
        } else if (channel == null) {
            errors.add(row.error(SurveyTemplate.CHANNEL_COLUMN, "required; one of " + template.channels()));
        } else if (!template.channels().contains(channel)) {
            errors.add(row.error(SurveyTemplate.CHANNEL_COLUMN,
                    "'" + channel + "' is not one of " + template.channels()));
            channel = null;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> freeText = new LinkedHashMap<>();
        for (Demographic demographic : template.demographics()) {
            String value = text(row, demographic.id(), errors);
            if (value != null) {
                if (demographic.values().contains(value)) {
                    answers.put(demographic.id(), value);
                } else {
                    errors.add(row.error(demographic.id(), "'" + value + "' is not one of " + demographic.values()));
                }
            }
        }
        Set<String> invalid = new LinkedHashSet<>();
        for (Question question : template.questions()) {
            String answer = answer(row, question, errors);
            if (answer == ERROR) {
                invalid.add(question.id());
                continue;
            }
            if (answer == null) {
                continue;
            }
            if (question.when() != null && !invalid.contains(question.when().question())) {
                String given = answers.get(question.when().question());
                if (!question.when().answer().equals(given)) {
                    errors.add(row.error(question.id(), "answered, but it is asked only when "
                            + question.when().question() + " is " + question.when().answer()
                            + " (here " + (given == null ? "not answered" : given) + ")"));
                    continue;
                }
            }
            if (channel != null && !question.askedOn(channel)) {
                errors.add(row.error(question.id(), "answered, but it is asked only on " + question.channels()
                        + " (this row's channel is " + channel + ")"));
                continue;
            }
            (question.questionType() == QuestionType.FREE_TEXT ? freeText : answers).put(question.id(), answer);
        }
        return new Respondent(id, channel, answers, freeText);
    }

    private static final String ERROR = new String("<error>");

    /** The answer in canonical form, null when not answered, or {@link #ERROR} after recording a problem. */
    private String answer(RawRow row, Question question, List<FieldError> errors) {
        QuestionType type = question.questionType();
        if (type == QuestionType.MULTI_CHOICE) {
            return multiChoice(row, question, errors);
        }
        int before = errors.size();
        String value = text(row, question.id(), errors);
        if (errors.size() > before) {
            return ERROR;
        }
        if (value == null) {
            return null;
        }
        switch (type) {
            case YES_NO -> {
                if (!value.equals("YES") && !value.equals("NO")) {
                    errors.add(row.error(question.id(), "'" + value + "' is not YES or NO"));
                    return ERROR;
                }
            }
            case SINGLE_CHOICE -> {
                if (!question.options().contains(value)) {
                    errors.add(row.error(question.id(), "'" + value + "' is not one of " + question.options()));
                    return ERROR;
                }
            }
            case FREE_TEXT -> {
                if (value.length() > MAX_FREE_TEXT) {
                    errors.add(row.error(question.id(), "longer than " + MAX_FREE_TEXT + " characters"));
                    return ERROR;
                }
            }
            default -> throw new IllegalStateException(type.name());
        }
        return value;
    }

    private String multiChoice(RawRow row, Question question, List<FieldError> errors) {
        Object cell = row.cells().get(question.id());
        List<String> parts = new ArrayList<>();
        if (cell instanceof String s) {
            if (!s.isBlank()) {
                for (String part : s.split(";", -1)) {
                    parts.add(part.trim());
                }
            }
        } else if (cell instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    errors.add(row.error(question.id(), "options must be strings"));
                    return ERROR;
                }
                parts.add(s.trim());
            }
        } else if (cell != null) {
            errors.add(row.error(question.id(), "must be options separated by ';' or an array of options"));
            return ERROR;
        }
        if (parts.isEmpty()) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                problems.add("an empty option (doubled or trailing ';')");
            } else if (!question.options().contains(part)) {
                problems.add("'" + part + "' is not one of " + question.options());
            } else if (!chosen.add(part)) {
                problems.add("'" + part + "' is chosen twice");
            }
        }
        for (String option : chosen) {
            if (question.isExclusive(option) && chosen.size() > 1) {
                problems.add("'" + option + "' cannot be combined with other options");
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> errors.add(row.error(question.id(), p)));
            return ERROR;
        }
        return question.options().stream().filter(chosen::contains).collect(Collectors.joining(";"));
    }

    /** A trimmed single value, null when empty; records a problem when the cell is not a string. */
    private static String text(RawRow row, String column, List<FieldError> errors) {
        Object cell = row.cells().get(column);
        if (cell == null) {
            return null;
        }
        if (!(cell instanceof String s)) {
            errors.add(row.error(column, "must be a string"));
            return null;
        }
        String trimmed = s.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
