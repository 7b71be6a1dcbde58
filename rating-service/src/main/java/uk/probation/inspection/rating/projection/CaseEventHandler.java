package uk.probation.inspection.rating.projection;

import java.util.List;

import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.platform.consume.Received;

/**
 * Applies one type of case-events to the projection, in the caller's transaction. There is one implementation per
 * type; {@link EventApplier} refuses to start if a type has none.
 */
public interface CaseEventHandler<E extends CaseEvent> {

    Class<E> type();

    /** True when consecutive events of this type are applied together, in one call, as set-based writes. */
    default boolean appliesRuns() {
        return false;
    }

    /** Refuses ({@link BadEventException}) an event that can never be applied, before anything has changed. */
    default void check(Received<E> event) {
    }

    /** @param announce whether rating moves are published as {@code rating.changed} (not during a rebuild) */
    void apply(List<Received<E>> run, boolean announce, ApplyContext context);
}
