package uk.probation.inspection.platform.security;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: name, roles and the regions of the {@code region} claim (a string or an array;
 * {@code *} means every region).
 */
@RequestScoped
public class Caller {

    public static final String LEAD_INSPECTOR = "lead-inspector";
    public static final String INSPECTOR = "inspector";
    public static final String VIEWER = "viewer";
    public static final String SURVEY_INGEST = "survey-ingest";
    public static final String ADMIN = "admin";
    /** Quality assurance: blind second readings on inspections whose team includes them (issue 20). */
    public static final String QUALITY_ASSURANCE = "quality-assurance";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String username() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    /**
     * The token's {@code sub}: stable for a person whatever their name becomes, so team membership is keyed on it
     * (the username is shown, not trusted). Tokens without one fall back to the username.
     */
    public String subject() {
        String subject = token.getSubject();
        return subject != null && !subject.isBlank() ? subject : username();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** True when the region claim names {@code region} or {@code *}. */
    public boolean seesRegion(String region) {
        List<String> regions = regions();
        return regions.contains("*") || regions.stream().anyMatch(r -> r.equalsIgnoreCase(region));
    }

    public List<String> regions() {
        Object claim = token.getClaim("region");
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
        }
        if (claim instanceof jakarta.json.JsonString string) {
            return List.of(string.getString());
        }
        if (claim instanceof java.util.Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(claim));
    }
}
