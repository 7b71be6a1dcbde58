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
public record Framework(String id, Integer version, String name, Rules rules, List<Domain> domains,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode sampling) {

    /** {@code sampling}: how the case sample is drawn (optional; read by {@code sampling.SamplingRules} alone). */
    public Framework(String id, Integer version, String name, Rules rules, List<Domain> domains) {
        this(id, version, name, rules, domains, null);
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

    public record Standard(String id, String name, String basis, String headline, List<KeyQuestion> keyQuestions) {
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
