package uk.probation.inspection.platform.consume;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import uk.probation.inspection.events.Topic;

/**
 * A consumer must say, for every event type of the topics it reads, how it deals with it: a handler, or an explicit
 * decision to ignore it. A type nobody thought about is a start-up failure, not a debug line.
 */
public final class HandlerCoverage {

    private HandlerCoverage() {
    }

    /** @throws IllegalStateException naming every type of {@code topic} neither handled nor ignored */
    public static void require(String consumer, Topic<?> topic, Collection<? extends Class<?>> handled,
            Collection<? extends Class<?>> ignored) {
        Set<String> missing = new LinkedHashSet<>();
        topic.types().forEach((name, type) -> {
            if (!handled.contains(type) && !ignored.contains(type)) {
                missing.add(name);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException(consumer + " has no handler for " + missing + " of " + topic
                    + ": add one, or list the type as ignored");
        }
        Set<Class<?>> both = new LinkedHashSet<>(handled);
        both.retainAll(ignored);
        if (!both.isEmpty()) {
            throw new IllegalStateException(consumer + " both handles and ignores " + both);
        }
    }
}
