package uk.probation.inspection.feedback.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import uk.probation.inspection.platform.problem.Problem.FieldError;

/** Checks a template before it may be used; reports every problem, each with the field it concerns. */
public final class TemplateValidator {

    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern COLUMN_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    // Values travel in CSV cells and ';'-separated lists, so they must not contain ';' ',' quotes or spaces.
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+\\-]{0,63}");
    private static final Pattern TOTAL_NAME = Pattern.compile("[a-z][A-Za-z0-9_]{0,63}");
    private static final Pattern PLACEHOLDERS = Pattern.compile("\\{(n|m|inFive)}");
    private static final int MAX_PHRASE = 300;
    private static final Set<String> RESERVED = Set.of(SurveyTemplate.RESPONDENT_COLUMN, SurveyTemplate.CHANNEL_COLUMN);

    private TemplateValidator() {
    }

    public static List<FieldError> validate(SurveyTemplate template) {
        List<FieldError> errors = new ArrayList<>();
        if (template == null) {
            errors.add(FieldError.field("", "a template object is required"));
            return errors;
        }
        if (template.id() == null || !TEMPLATE_ID.matcher(template.id()).matches()) {
            errors.add(FieldError.field("id", "required: 2-64 characters, lower-case letters, digits and '-'"));
        }
        if (template.title() == null || template.title().isBlank()) {
            errors.add(FieldError.field("title", "required"));
        }
        List<String> channels = template.channels() == null ? List.of() : template.channels();
        checkValues("channels", channels, errors);

        Set<String> columnIds = new HashSet<>(RESERVED);
        if (template.demographics() == null) {
            errors.add(FieldError.field("demographics", "required (may be an empty list)"));
        } else {
            for (int i = 0; i < template.demographics().size(); i++) {
                checkDemographic("demographics[" + i + "]", template.demographics().get(i), columnIds, errors);
            }
        }
        if (template.questions() == null || template.questions().isEmpty()) {
            errors.add(FieldError.field("questions", "at least one question is required"));
        } else {
            Map<String, QuestionType> earlier = new HashMap<>();
            for (int i = 0; i < template.questions().size(); i++) {
                checkQuestion("questions[" + i + "]", template.questions().get(i), channels, columnIds, earlier,
                        errors);
            }
        }
        return errors;
    }

    private static void checkDemographic(String path, SurveyTemplate.Demographic demographic, Set<String> columnIds,
            List<FieldError> errors) {
        if (demographic == null) {
            errors.add(FieldError.field(path, "must be an object"));
            return;
        }
        checkColumnId(path, demographic.id(), columnIds, errors);
        List<String> values = demographic.values() == null ? List.of() : demographic.values();
        checkValues(path + ".values", values, errors);
        SurveyTemplate.GroupTotal total = demographic.total();
        if (total != null) {
            if (total.name() == null || !TOTAL_NAME.matcher(total.name()).matches()) {
                errors.add(FieldError.field(path + ".total.name", "required: a name such as minorityEthnic"));
            }
            List<String> excluding = total.excluding() == null ? List.of() : total.excluding();
            for (String value : excluding) {
                if (!values.contains(value)) {
                    errors.add(FieldError.field(path + ".total.excluding", "'" + value + "' is not one of the values"));
                }
            }
        }
    }

    private static void checkQuestion(String path, SurveyTemplate.Question question, List<String> channels,
            Set<String> columnIds, Map<String, QuestionType> earlier, List<FieldError> errors) {
        if (question == null) {
            errors.add(FieldError.field(path, "must be an object"));
            return;
        }
        checkColumnId(path, question.id(), columnIds, errors);
        if (question.text() == null || question.text().isBlank()) {
            errors.add(FieldError.field(path + ".text", "required"));
        }
        QuestionType type = question.questionType();
        if (type == null) {
            errors.add(FieldError.field(path + ".type", "'" + question.type() + "' is not a known type; use one of "
                    + List.of(QuestionType.values())));
        } else if (type.hasOptions()) {
            checkValues(path + ".options", question.options() == null ? List.of() : question.options(), errors);
        } else if (question.options() != null) {
            errors.add(FieldError.field(path + ".options", "only choice questions have options"));
        }
        if (question.exclusiveOptions() != null) {
            if (type != QuestionType.MULTI_CHOICE) {
                errors.add(FieldError.field(path + ".exclusiveOptions", "only multiple-choice questions have them"));
            } else {
                for (String option : question.exclusiveOptions()) {
                    if (question.options() == null || !question.options().contains(option)) {
                        errors.add(FieldError.field(path + ".exclusiveOptions", "'" + option + "' is not an option"));
                    }
                }
            }
        }
        if (question.when() != null) {
            SurveyTemplate.Condition when = question.when();
            if (when.question() == null || earlier.get(when.question()) != QuestionType.YES_NO) {
                errors.add(FieldError.field(path + ".when.question",
                        "'" + when.question() + "' is not an earlier yes/no question"));
            }
            if (!"YES".equals(when.answer()) && !"NO".equals(when.answer())) {
                errors.add(FieldError.field(path + ".when.answer", "must be YES or NO"));
            }
        }
        if (question.channels() != null) {
            if (question.channels().isEmpty()) {
                errors.add(FieldError.field(path + ".channels", "leave it out to ask on every channel"));
            }
            for (String channel : question.channels()) {
                if (!channels.contains(channel)) {
                    errors.add(FieldError.field(path + ".channels", "'" + channel + "' is not one of the template's channels"));
                }
            }
        }
        checkPhrases(path, question, type, errors);
        if (question.id() != null && type != null) {
            earlier.putIfAbsent(question.id(), type);
        }
    }

    /** The report's wording: a yes/no question's phrase, or a choice question's phrase per option. */
    private static void checkPhrases(String path, SurveyTemplate.Question question, QuestionType type,
            List<FieldError> errors) {
        if (question.reportPhrase() != null) {
            if (type != QuestionType.YES_NO) {
                errors.add(FieldError.field(path + ".reportPhrase",
                        "only yes/no questions have one; a choice question words each option in optionPhrases"));
            } else {
                checkPhrase(path + ".reportPhrase", question.reportPhrase(), errors);
            }
        }
        if (question.optionPhrases() != null) {
            if (type == null || !type.hasOptions()) {
                errors.add(FieldError.field(path + ".optionPhrases", "only choice questions have them"));
                return;
            }
            question.optionPhrases().forEach((option, phrase) -> {
                if (question.options() == null || !question.options().contains(option)) {
                    errors.add(FieldError.field(path + ".optionPhrases", "'" + option + "' is not an option"));
                } else {
                    checkPhrase(path + ".optionPhrases." + option, phrase, errors);
                }
            });
        }
    }

    private static void checkPhrase(String path, String phrase, List<FieldError> errors) {
        if (phrase == null || phrase.isBlank()) {
            errors.add(FieldError.field(path, "must not be empty (leave it out for the plain line)"));
        } else if (phrase.length() > MAX_PHRASE) {
            errors.add(FieldError.field(path, "is longer than " + MAX_PHRASE + " characters"));
        } else if (PLACEHOLDERS.matcher(phrase).replaceAll("").chars().anyMatch(c -> c == '{' || c == '}')) {
            errors.add(FieldError.field(path, "may hold only the placeholders {n}, {m} and {inFive}"));
        }
    }

    private static void checkColumnId(String path, String id, Set<String> columnIds, List<FieldError> errors) {
        if (id == null || !COLUMN_ID.matcher(id).matches()) {
            errors.add(FieldError.field(path + ".id", "required: lower-case letters, digits and '_', starting with a letter"));
        } else if (!columnIds.add(id)) {
            errors.add(FieldError.field(path + ".id", "'" + id + "' is used twice (respondent_id and channel are reserved)"));
        }
    }

    private static void checkValues(String path, List<String> values, List<FieldError> errors) {
        if (values.isEmpty()) {
            errors.add(FieldError.field(path, "at least one value is required"));
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (value == null || !VALUE.matcher(value).matches()) {
                errors.add(FieldError.field(path, "'" + value + "' is not a valid value (letters, digits, '_', '+', '-')"));
            } else if (!seen.add(value)) {
                errors.add(FieldError.field(path, "'" + value + "' appears twice"));
            }
        }
    }
}
