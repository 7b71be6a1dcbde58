package uk.probation.inspection.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed parsing that fails on what a typed model alone lets through:
 * <ul>
 * <li>fabric8 and Strimzi models keep unknown fields in {@code additionalProperties}: every such
 * map, at any depth, must be empty;</li>
 * <li>Strimzi models serve several API versions; a property annotated {@code @PresentInVersions}
 * without {@code v1} must not be set in a {@code kafka.strimzi.io/v1} resource;</li>
 * <li>the hand-written CloudNativePG records reject unknown properties outright.</li>
 * </ul>
 */
final class StrictModel {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true);

    private static final List<String> STRIMZI_VERSIONS = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private StrictModel() {
    }

    static <T> T parse(JsonNode node, Class<T> type, String where) {
        T value;
        try {
            value = MAPPER.treeToValue(node, type);
        } catch (Exception e) {
            throw new AssertionError(where + ": does not parse as " + type.getName() + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        String apiVersion = node.path("apiVersion").asText("");
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        walk(value, where, version, problems, new IdentityHashMap<>());
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
        return value;
    }

    private static void walk(Object value, String path, String version, List<String> problems,
            IdentityHashMap<Object, Boolean> seen) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, version, problems, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                walk(item, path + "[" + i++ + "]", version, problems, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        boolean model = pkg.startsWith("io.fabric8.") || pkg.startsWith("io.strimzi.")
                || pkg.startsWith("uk.probation.inspection.deploy.cnpg")
                || pkg.startsWith("uk.probation.inspection.deploy.certmanager");
        if (!model || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        JavaType type = MAPPER.constructType(value.getClass());
        BeanDescription description = MAPPER.getSerializationConfig().introspect(type);
        AnnotatedMember anyGetter = description.findAnyGetter();
        if (anyGetter != null) {
            Object extra = anyGetter.getValue(value);
            if (extra instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                problems.add(path + ": unknown field(s) " + unknown.keySet() + " (not in the "
                        + value.getClass().getSimpleName() + " schema)");
            }
        }
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null) {
                continue;
            }
            Object child;
            try {
                child = accessor.getValue(value);
            } catch (RuntimeException e) {
                continue;
            }
            if (child == null) {
                continue;
            }
            String childPath = path + "." + property.getName();
            if (pkg.startsWith("io.strimzi.")) {
                AnnotatedElement element = accessor.getAnnotated();
                PresentInVersions present = element == null ? null : element.getAnnotation(PresentInVersions.class);
                if (present != null && !isEmpty(child) && !includes(present.value(), version)) {
                    problems.add(childPath + ": not part of kafka.strimzi.io/" + version
                            + " (present only in " + present.value() + ")");
                }
            }
            walk(child, childPath, version, problems, seen);
        }
    }

    private static boolean isEmpty(Object value) {
        return value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty();
    }

    /** Strimzi version ranges: {@code v1beta2}, {@code v1+}, {@code v1alpha1-v1beta2}, comma separated. */
    static boolean includes(String ranges, String version) {
        int v = STRIMZI_VERSIONS.indexOf(version);
        if (v < 0) {
            return true;
        }
        for (String range : ranges.split(",")) {
            String r = range.trim();
            if (r.equals("all")) {
                return true;
            }
            if (r.endsWith("+")) {
                int from = STRIMZI_VERSIONS.indexOf(r.substring(0, r.length() - 1));
                if (from >= 0 && v >= from) {
                    return true;
                }
            } else if (r.contains("-")) {
                int from = STRIMZI_VERSIONS.indexOf(r.substring(0, r.indexOf('-')));
                int to = STRIMZI_VERSIONS.indexOf(r.substring(r.indexOf('-') + 1));
                if (from >= 0 && to >= 0 && v >= from && v <= to) {
                    return true;
                }
            } else if (r.equals(version)) {
                return true;
            }
        }
        return false;
    }
}
