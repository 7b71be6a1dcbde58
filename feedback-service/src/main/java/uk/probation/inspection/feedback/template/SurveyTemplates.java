package uk.probation.inspection.feedback.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;

/** Every template the service knows: the built-in ones shipped as resources, and those an admin registered. */
@Startup
@ApplicationScoped
public class SurveyTemplates {

    static final List<String> BUILT_IN = List.of("user-voice-2022");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    private final Map<String, SurveyTemplate> builtIn = new LinkedHashMap<>();

    @PostConstruct
    void loadBuiltIn() {
        for (String id : BUILT_IN) {
            SurveyTemplate template = readResource("/templates/" + id + ".json");
            List<FieldError> errors = TemplateValidator.validate(template);
            if (!errors.isEmpty() || !id.equals(template.id())) {
                throw new IllegalStateException("built-in template " + id + " is invalid: " + errors);
            }
            builtIn.put(id, template);
        }
    }

    private SurveyTemplate readResource(String path) {
        try (InputStream in = SurveyTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return json.readValue(in, SurveyTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public Optional<SurveyTemplate> find(String id) {
        SurveyTemplate template = builtIn.get(id);
        if (template != null) {
            return Optional.of(template);
        }
        List<?> rows = entityManager.createNativeQuery("select definition from survey_template where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(parse((String) rows.get(0)));
    }

    @Transactional
    public List<SurveyTemplate> all() {
        List<SurveyTemplate> all = new ArrayList<>(builtIn.values());
        for (Object definition : entityManager.createNativeQuery("select definition from survey_template order by id")
                .getResultList()) {
            all.add(parse((String) definition));
        }
        return all;
    }

    /** Validates and stores a new template: 422 naming every problem, 409 when the id is taken. */
    @Transactional
    public SurveyTemplate register(SurveyTemplate template, String registeredBy) {
        List<FieldError> errors = TemplateValidator.validate(template);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The template has " + errors.size() + " problem(s)", errors);
        }
        if (builtIn.containsKey(template.id())) {
            throw ProblemException.conflict("Template " + template.id() + " already exists (built in)");
        }
        int inserted = entityManager.createNativeQuery(
                "insert into survey_template (id, definition, registered_by) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, template.id()).setParameter(2, write(template)).setParameter(3, registeredBy)
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("Template " + template.id() + " already exists");
        }
        return template;
    }

    private SurveyTemplate parse(String definition) {
        try {
            return json.readValue(definition, SurveyTemplate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template is unreadable", e);
        }
    }

    private String write(SurveyTemplate template) {
        try {
            return json.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
