package uk.probation.inspection.cases.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A standards framework as data: domains, standards, key questions, prompts and the rating rules. The JSON
 * form (served by {@code GET /frameworks/{id}} and carried by {@code inspection.opened}) is exactly these
 * records. Enumerations are kept as text so that a registration can be validated as a whole, naming every
 * problem, rather than failing on the first unknown value.
 */
public record Framework(String id, Integer version, String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description, Rules rules,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CaseAttribute> caseAttributes, List<Domain> domains,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                description = "The framework's sampling rules (docs/sampling.md)")
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode sampling) {

    /** A framework without declared case attributes: it has {@link CaseAttributes#PROBATION}'s. */
    public Framework(String id, Integer version, String name, Rules rules, List<Domain> domains) {
        this(id, version, name, null, rules, null, domains, null);
    }

    /**
     * A fact registered with each case (contract.md, caseAttributes). {@code type} ENUM (one of {@code values}),
     * BOOLEAN, DATE (ISO; {@code withinSampleWindow}: inside the inspection's sample window) or TEXT (at most
     * {@code maxLength}, default 60); {@code valuesWhen} narrows an ENUM's values by another ENUM attribute's
     * value; {@code breakdown}: tallies are kept per value ({@code GET /inspections/{id}/questions?<id>=}).
     */
    public record CaseAttribute(String id, String name, String type,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> values, Boolean required, String csvColumn,
            Boolean breakdown, @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxLength,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean withinSampleWindow,
            @JsonInclude(JsonInclude.Include.NON_NULL) ValuesWhen valuesWhen) {

        @JsonIgnore
        public boolean isRequired() {
            return !Boolean.FALSE.equals(required);
        }

        @JsonIgnore
        public boolean isBreakdown() {
            return Boolean.TRUE.equals(breakdown);
        }
    }

    /** The values an ENUM attribute may take for each value of the ENUM attribute {@code attribute}. */
    public record ValuesWhen(String attribute, Map<String, List<String>> values) {
    }

    /** The declared case attributes, or the probation ones when the framework declares none. */
    @JsonIgnore
    public List<CaseAttribute> attributes() {
        return caseAttributes == null ? CaseAttributes.PROBATION : caseAttributes;
    }

    /** {@code smallNumberThreshold}: figures of smaller groups are withheld from viewers (optional, default 5). */
    public record Rules(String percentageRounding, String standardScore, List<Band> bands,
            List<OverallBand> overallBands, Integer smallNumberThreshold) {

        public Rules(String percentageRounding, String standardScore, List<Band> bands, List<OverallBand> overallBands) {
            this(percentageRounding, standardScore, bands, overallBands, null);
        }
    }

    /** A case-based standard takes this band when its lowest key-question percentage is at least {@code minPercentage}. */
    public record Band(String rating, String descriptor, Integer minPercentage, Integer points) {
    }

    /** The overall rating when {@code score <= maxShareOfMaximum × maximum}; bands are in ascending order. */
    public record OverallBand(String rating, Share maxShareOfMaximum) {
    }

    public record Share(Integer numerator, Integer denominator) {
    }

    public record Domain(String id, String name, List<Standard> standards) {
    }

    /**
     * {@code appliesTo}: only cases whose attributes have these values are relevant (answers on other cases are
     * refused); {@code countsTowardsOverall} false: rated, but left out of the overall score and maximum.
     */
    public record Standard(String id, String name, String basis, String headline,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> appliesTo,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean countsTowardsOverall, List<KeyQuestion> keyQuestions) {

        public Standard(String id, String name, String basis, String headline, List<KeyQuestion> keyQuestions) {
            this(id, name, basis, headline, null, null, keyQuestions);
        }

        @JsonIgnore
        public boolean counts() {
            return !Boolean.FALSE.equals(countsTowardsOverall);
        }

        /** Why this standard does not apply to a case with these attribute values; empty when it does. */
        public Optional<String> notApplicableBecause(Map<String, Object> caseValues) {
            if (appliesTo == null) {
                return Optional.empty();
            }
            for (Map.Entry<String, String> condition : appliesTo.entrySet()) {
                Object actual = caseValues.get(condition.getKey());
                if (actual == null || !condition.getValue().equals(String.valueOf(actual))) {
                    return Optional.of("standard " + id + " applies only to cases with " + condition.getKey() + " "
                            + condition.getValue() + "; this case has " + condition.getKey() + " "
                            + (actual == null ? "not recorded" : actual));
                }
            }
            return Optional.empty();
        }
    }

    public record KeyQuestion(String id, String text, List<Prompt> prompts) {
    }

    public record Prompt(String id, String text) {
    }

    /** How a standard is rated. */
    public enum Basis {
        JUDGEMENT, CASES, NONE
    }

    @JsonIgnore
    public Optional<Standard> standard(String standardId) {
        return domains.stream().flatMap(d -> d.standards().stream())
                .filter(s -> s.id().equals(standardId)).findFirst();
    }

    /** Every answerable question: key questions and prompts, by id, with the standard they belong to. */
    @JsonIgnore
    public Map<String, Standard> questions() {
        Map<String, Standard> questions = new LinkedHashMap<>();
        for (Domain domain : domains) {
            for (Standard standard : domain.standards()) {
                for (KeyQuestion question : standard.keyQuestions()) {
                    questions.put(question.id(), standard);
                    for (Prompt prompt : question.prompts()) {
                        questions.put(prompt.id(), standard);
                    }
                }
            }
        }
        return questions;
    }

    @JsonIgnore
    public boolean isQuestion(String questionId) {
        return questions().containsKey(questionId);
    }

    /** The ratings a judgement may take: those of the bands. */
    @JsonIgnore
    public List<String> ratings() {
        return rules.bands().stream().map(Band::rating).toList();
    }
}
