package uk.probation.inspection.rating.projection;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.rating.rules.Framework;

/** Parsed frameworks per inspection; the JSON stays in the inspection row, parsing happens once. */
@ApplicationScoped
public class FrameworkCache {

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    private final Map<UUID, Framework> byInspection = new ConcurrentHashMap<>();

    public Optional<Framework> of(UUID inspectionId) {
        Framework cached = byInspection.get(inspectionId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Framework> loaded = jdbc.one("select framework from inspection where id = ?",
                row -> parse(row.getString(1)), inspectionId);
        loaded.ifPresent(f -> byInspection.put(inspectionId, f));
        return loaded;
    }

    public void put(UUID inspectionId, Framework framework) {
        byInspection.put(inspectionId, framework);
    }

    public void clear() {
        byInspection.clear();
    }

    private Framework parse(String text) {
        try {
            return Framework.fromJson(json.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored framework is not JSON", e);
        }
    }
}
