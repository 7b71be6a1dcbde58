package uk.probation.inspection.feedback.inspection;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.events.cases.BackgroundRecorded;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.events.cases.CaseRegistered;
import uk.probation.inspection.events.cases.JudgementRecorded;
import uk.probation.inspection.events.cases.SecondAnswerRecorded;
import uk.probation.inspection.events.cases.SecondReadingAssigned;
import uk.probation.inspection.events.cases.SecondReadingAgreementSummarised;
import uk.probation.inspection.events.cases.SecondReadingResolved;
import uk.probation.inspection.events.cases.NarrativeRecorded;
import uk.probation.inspection.events.cases.RecommendationsRecorded;
import uk.probation.inspection.platform.consume.HandlerCoverage;
import uk.probation.inspection.platform.consume.Received;
import uk.probation.inspection.platform.inbox.ProcessedEvents;

/**
 * Applies the case-events this service needs, each with its type's {@link FeedbackEventHandler}, once each
 * (de-duplicated on ce_id in the same transaction). What it does not need is listed in {@link #IGNORED}.
 */
@ApplicationScoped
public class CaseEventApplier {

    /**
     * Case data and the report's text: feedback-service keeps none of it (nearly all of the traffic, skipped before
     * decoding). The report is rendered by rating-service.
     */
    static final Set<Class<? extends CaseEvent>> IGNORED = Set.of(CaseRegistered.class, AnswerRecorded.class,
            JudgementRecorded.class, SecondReadingAssigned.class, SecondAnswerRecorded.class,
            SecondReadingResolved.class, SecondReadingAgreementSummarised.class, NarrativeRecorded.class,
            RecommendationsRecorded.class, BackgroundRecorded.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    @Any
    Instance<FeedbackEventHandler<?>> handlerBeans;

    private final Map<Class<?>, FeedbackEventHandler<?>> handlers = new HashMap<>();
    private Set<String> ignoredTypes;

    @PostConstruct
    void collectHandlers() {
        for (FeedbackEventHandler<?> handler : handlerBeans) {
            if (handlers.put(handler.type(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.type());
            }
        }
        HandlerCoverage.require("feedback-service", Topics.CASE_EVENTS, handlers.keySet(), IGNORED);
        ignoredTypes = Set.copyOf(Topics.CASE_EVENTS.types().entrySet().stream()
                .filter(e -> IGNORED.contains(e.getValue())).map(Map.Entry::getKey).toList());
    }

    /** True for the type names this service never needs to decode. */
    public boolean ignores(String type) {
        return ignoredTypes.contains(type);
    }

    /** @throws IllegalArgumentException when the event can never be applied (it becomes a dead letter) */
    @Transactional
    @SuppressWarnings("unchecked")
    public boolean apply(Received<CaseEvent> received) {
        if (!processed.firstDelivery(received.meta().id())) {
            return false;
        }
        ((FeedbackEventHandler<CaseEvent>) handlers.get(received.event().getClass())).apply(received);
        return true;
    }
}
