package uk.probation.inspection.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One topic of the contract and the events it carries: the family is a sealed interface whose permitted records
 * are exactly its event types, each named by {@link EventType}. Adding an event type is adding a record to the
 * family; everything else (codec, handler checks, schema checks) is derived from here.
 */
public final class Topic<F> {

    private final String name;
    private final Class<F> family;
    private final Map<String, Class<? extends F>> types;

    Topic(String name, Class<F> family) {
        if (!family.isSealed()) {
            throw new IllegalArgumentException(family + " must be sealed: its records are the topic's event types");
        }
        Map<String, Class<? extends F>> byName = new LinkedHashMap<>();
        for (Class<?> type : family.getPermittedSubclasses()) {
            EventType annotation = type.getAnnotation(EventType.class);
            if (annotation == null || !type.isRecord()) {
                throw new IllegalArgumentException(type + " must be a record annotated with @EventType");
            }
            if (byName.put(annotation.value(), type.asSubclass(family)) != null) {
                throw new IllegalArgumentException("two event types named " + annotation.value() + " on " + name);
            }
        }
        this.name = name;
        this.family = family;
        this.types = Collections.unmodifiableMap(byName);
    }

    public String name() {
        return name;
    }

    public Class<F> family() {
        return family;
    }

    /** Event type name to its record, in declaration order. */
    public Map<String, Class<? extends F>> types() {
        return types;
    }

    public Optional<Class<? extends F>> classOf(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public static String typeOf(Object event) {
        EventType annotation = event.getClass().getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(event.getClass() + " is not an event type");
        }
        return annotation.value();
    }

    @Override
    public String toString() {
        return name;
    }
}
