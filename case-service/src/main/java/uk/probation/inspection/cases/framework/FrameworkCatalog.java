package uk.probation.inspection.cases.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;

/**
 * The frameworks this service knows: built-in ones shipped as resource files (immutable), and ones an admin
 * registered (stored in the database; immutable once an inspection uses them).
 */
@ApplicationScoped
@Startup
public class FrameworkCatalog {

    /** Resource files under {@code frameworks/}, one per built-in framework. */
    static final List<String> BUILT_IN = List.of("hmip-probation-pdu-2021", "hmip-youth-justice-2021");

    private final Map<String, Framework> builtIn = new LinkedHashMap<>();

    @Inject
    ObjectMapper json;

    @Inject
    void loadBuiltIn(ObjectMapper mapper) {
        for (String id : BUILT_IN) {
            Framework framework = readResource(mapper, "frameworks/" + id + ".json");
            List<FieldError> problems = new ArrayList<>(FrameworkValidator.validate(framework));
            problems.addAll(FrameworkLimits.exceeded(framework, jsonBytes(mapper, framework)));
            if (!problems.isEmpty() || !id.equals(framework.id())) {
                // A broken built-in framework is a packaging error: refuse to start rather than rate wrongly.
                throw new IllegalStateException("built-in framework " + id + " is invalid: " + problems);
            }
            builtIn.put(id, framework);
        }
    }

    static Framework readResource(ObjectMapper mapper, String resource) {
        try (InputStream in = FrameworkCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return mapper.readValue(in, Framework.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isBuiltIn(String id) {
        return builtIn.containsKey(id);
    }

    @Transactional
    public List<Framework> all() {
        List<Framework> all = new ArrayList<>(builtIn.values());
        RegisteredFramework.<RegisteredFramework>listAll(io.quarkus.panache.common.Sort.by("id"))
                .forEach(r -> all.add(parse(r.body)));
        return all;
    }

    @Transactional
    public Optional<Framework> find(String id) {
        Framework framework = builtIn.get(id);
        if (framework != null) {
            return Optional.of(framework);
        }
        return RegisteredFramework.<RegisteredFramework>findByIdOptional(id).map(r -> parse(r.body));
    }

    /**
     * The framework an inspection is about to use, read under a share lock so that a concurrent replacement
     * waits for the inspection (and then sees it in use). Call inside the opening transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Framework> findForUse(String id) {
        Framework framework = builtIn.get(id);
        if (framework != null) {
            return Optional.of(framework);
        }
        return RegisteredFramework.<RegisteredFramework>findByIdOptional(id, LockModeType.PESSIMISTIC_READ)
                .map(r -> parse(r.body));
    }

    @Transactional
    public Framework register(Framework framework, String by) {
        validate(framework);
        if (builtIn.containsKey(framework.id()) || RegisteredFramework.findById(framework.id()) != null) {
            throw ProblemException.conflict("Framework '" + framework.id() + "' already exists");
        }
        RegisteredFramework row = new RegisteredFramework();
        row.id = framework.id();
        row.body = write(framework);
        row.registeredBy = by;
        row.registeredAt = Instant.now();
        row.persist();
        return framework;
    }

    /** Replaces a registered framework that no inspection uses yet. */
    @Transactional
    public Framework replace(String id, Framework framework) {
        if (builtIn.containsKey(id)) {
            throw ProblemException.conflict("Framework '" + id + "' is built in and cannot be changed");
        }
        RegisteredFramework row = RegisteredFramework.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw ProblemException.notFound("No framework '" + id + "'");
        }
        validate(framework);
        if (!id.equals(framework.id())) {
            throw ProblemException.invalid("The framework's id must match the path",
                    List.of(FieldError.field("id", "must be '" + id + "'")));
        }
        if (Inspection.count("frameworkId", id) > 0) {
            throw ProblemException.conflict("Framework '" + id + "' is used by an inspection and cannot be changed");
        }
        row.body = write(framework);
        row.replacedAt = Instant.now();
        return framework;
    }

    /** Size first: a framework over the limits is refused without listing each of its thousands of elements. */
    private void validate(Framework framework) {
        List<FieldError> tooLarge = FrameworkLimits.exceeded(framework, jsonBytes(json, framework));
        if (!tooLarge.isEmpty()) {
            throw ProblemException.invalid("The framework is too large: " + tooLarge.size() + " limit(s) exceeded", tooLarge);
        }
        List<FieldError> problems = FrameworkValidator.validate(framework);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("The framework has " + problems.size() + " problem(s)", problems);
        }
    }

    private static long jsonBytes(ObjectMapper mapper, Framework framework) {
        try {
            return framework == null ? 0 : mapper.writeValueAsBytes(framework).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Framework parse(String body) {
        try {
            return json.readValue(body, Framework.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored framework is unreadable", e);
        }
    }

    /** A stored framework as the JSON tree inspection.opened carries (the same JSON as GET /frameworks/{id}). */
    public com.fasterxml.jackson.databind.node.ObjectNode asJson(String stored) {
        try {
            return (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored framework is unreadable", e);
        }
    }

    public String write(Framework framework) {
        try {
            return json.writeValueAsString(framework);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
