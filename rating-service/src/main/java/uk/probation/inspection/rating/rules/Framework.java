package uk.probation.inspection.rating.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a standards framework that ratings need: standards in report order, their key questions and
 * prompts, and the rating rules. Read from the JSON carried by {@code inspection.opened}.
 */
public final class Framework {

    public record Prompt(String id, String text) {
    }

    public record KeyQuestion(String id, String text, List<Prompt> prompts) {
    }

    /**
     * {@code countsTowardsOverall} false: rated, but left out of the overall score and maximum; {@code appliesTo}:
     * the case attribute values a case needs to be relevant (case-service refuses other cases' answers).
     */
    public record Standard(String id, String name, Basis basis, List<KeyQuestion> keyQuestions,
            boolean countsTowardsOverall, Map<String, String> appliesTo) {

        public Standard(String id, String name, Basis basis, List<KeyQuestion> keyQuestions) {
            this(id, name, basis, keyQuestions, true, Map.of());
        }

        public List<String> keyQuestionIds() {
            return keyQuestions.stream().map(KeyQuestion::id).toList();
        }
    }

    private final String id;
    private final RatingRules rules;
    private final List<Standard> standards;
    private final Map<String, Standard> standardById = new HashMap<>();
    private final Map<String, Standard> standardByKeyQuestion = new HashMap<>();
    private final List<String> questionIds = new ArrayList<>();
    private int smallNumberThreshold = SmallNumbers.DEFAULT_THRESHOLD;
    private List<Dimension> dimensions = Dimension.PROBATION;

    public Framework(String id, RatingRules rules, List<Standard> standards) {
        this(id, rules, standards, Dimension.PROBATION);
    }

    public Framework(String id, RatingRules rules, List<Standard> standards, List<Dimension> dimensions) {
        this.id = id;
        this.dimensions = List.copyOf(dimensions);
        this.rules = rules;
        this.standards = List.copyOf(standards);
        for (Standard standard : standards) {
            standardById.put(standard.id(), standard);
            for (KeyQuestion question : standard.keyQuestions()) {
                standardByKeyQuestion.put(question.id(), standard);
                questionIds.add(question.id());
                question.prompts().forEach(p -> questionIds.add(p.id()));
            }
        }
    }

    public static Framework fromJson(JsonNode json) {
        if (json == null || !json.isObject() || !json.path("id").isTextual()) {
            throw new InvalidFrameworkException("framework missing or without id");
        }
        List<Standard> standards = new ArrayList<>();
        for (JsonNode domain : json.path("domains")) {
            for (JsonNode standard : domain.path("standards")) {
                List<KeyQuestion> questions = new ArrayList<>();
                for (JsonNode question : standard.path("keyQuestions")) {
                    List<Prompt> prompts = new ArrayList<>();
                    for (JsonNode prompt : question.path("prompts")) {
                        prompts.add(new Prompt(text(prompt, "id"), prompt.path("text").asText(null)));
                    }
                    questions.add(new KeyQuestion(text(question, "id"), question.path("text").asText(null), prompts));
                }
                Basis basis;
                try {
                    basis = Basis.valueOf(text(standard, "basis"));
                } catch (IllegalArgumentException e) {
                    throw new InvalidFrameworkException("standard " + standard.path("id").asText() + " has unknown basis");
                }
                Map<String, String> appliesTo = new java.util.LinkedHashMap<>();
                standard.path("appliesTo").fields().forEachRemaining(f -> appliesTo.put(f.getKey(), f.getValue().asText()));
                standards.add(new Standard(text(standard, "id"), standard.path("name").asText(null), basis, questions,
                        standard.path("countsTowardsOverall").asBoolean(true), Map.copyOf(appliesTo)));
            }
        }
        if (standards.isEmpty()) {
            throw new InvalidFrameworkException("framework has no standards");
        }
        Framework framework = new Framework(json.path("id").asText(), RatingRules.fromJson(json.path("rules")), standards,
                Dimension.fromJson(json.path("caseAttributes")));
        JsonNode threshold = json.path("rules").path("smallNumberThreshold");
        if (threshold.isInt() && threshold.asInt() >= 1) {
            framework.smallNumberThreshold = threshold.asInt();
        } else if (!threshold.isMissingNode() && !threshold.isNull()) {
            throw new InvalidFrameworkException("rules.smallNumberThreshold must be a whole number of at least 1");
        }
        return framework;
    }

    /** Figures of groups smaller than this are withheld from viewers ({@link SmallNumbers}). */
    public int smallNumberThreshold() {
        return smallNumberThreshold;
    }

    private static String text(JsonNode node, String field) {
        if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
            throw new InvalidFrameworkException("framework element without '" + field + "'");
        }
        return node.path(field).asText();
    }

    public String id() {
        return id;
    }

    /** The case attributes the framework declares as breakdown dimensions, in declaration order. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    public Optional<Dimension> dimension(String id) {
        return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The overall rating of these standard ratings (standard id to rating): those of standards that do not count
     * towards the overall are left out of score and maximum.
     */
    public OverallResult overall(Map<String, Rating> standardRatings) {
        return rules.overall(standardRatings.entrySet().stream().filter(e -> counts(e.getKey()))
                .map(Map.Entry::getValue).toList());
    }

    /** Whether the standard's rating counts towards the overall score. */
    public boolean counts(String standardId) {
        Standard standard = standardById.get(standardId);
        return standard == null || standard.countsTowardsOverall();
    }

    public RatingRules rules() {
        return rules;
    }

    public List<Standard> standards() {
        return standards;
    }

    public Optional<Standard> standard(String standardId) {
        return Optional.ofNullable(standardById.get(standardId));
    }

    /** The standard a key question belongs to; empty for prompts and unknown ids. */
    public Optional<Standard> standardOfKeyQuestion(String questionId) {
        return Optional.ofNullable(standardByKeyQuestion.get(questionId));
    }

    /** Every key question, each followed by its prompts, in report order. */
    public List<String> questionIds() {
        return questionIds;
    }
}
