package uk.probation.inspection.feedback.inspection;

import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.platform.consume.Received;

/**
 * Applies one type of case-events that feedback-service needs, in the caller's transaction. One implementation per
 * type; {@link CaseEventApplier} lists the types it ignores, and refuses to start if a type is in neither.
 *
 * <p>An {@link IllegalArgumentException} means the event can never be applied: it becomes a dead letter.
 */
public interface FeedbackEventHandler<E extends CaseEvent> {

    Class<E> type();

    void apply(Received<E> event);
}
