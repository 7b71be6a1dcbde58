package uk.probation.inspection.rating.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.UndecodableEventException;
import uk.probation.inspection.events.cases.CaseEvent;
import uk.probation.inspection.platform.consume.DeadLetter;
import uk.probation.inspection.events.cases.SecondAnswerRecorded;
import uk.probation.inspection.events.cases.SecondReadingAssigned;
import uk.probation.inspection.events.cases.SecondReadingResolved;
import uk.probation.inspection.platform.consume.HandlerCoverage;
import uk.probation.inspection.platform.consume.Received;
import uk.probation.inspection.platform.events.IncomingEvent;
import uk.probation.inspection.platform.inbox.ProcessedEvents;
import uk.probation.inspection.platform.trace.Traces;

/**
 * Applies case events to the projection, in the caller's transaction, each at most once (inbox), in the order
 * given: each is decoded into its type (events/) and handed to that type's {@link CaseEventHandler}; consecutive
 * events of a type whose handler applies runs (answers, case registrations) go to it together. An event that can
 * never be applied (undecodable, or refused by its handler before it changed anything) is not recorded as
 * processed and comes back as a dead letter, so it cannot block its neighbours and an operator can replay it.
 */
@ApplicationScoped
public class EventApplier {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EventApplier.class);

    /** What happened to the events of one call. */
    public record Outcome(List<IncomingEvent> applied, int duplicates, List<DeadLetter> deadLetters) {
    }

    @Inject
    ProcessedEvents inbox;

    @Inject
    ProjectionStore store;

    @Inject
    @Any
    Instance<CaseEventHandler<?>> handlerBeans;

    /**
     * Quality assurance: second readings never enter the ratings (issue 20). A resolution that changes an answer
     * arrives as an ordinary answer.recorded, which is rated.
     */
    static final Set<Class<? extends CaseEvent>> IGNORED = Set.of(SecondReadingAssigned.class,
            SecondAnswerRecorded.class, SecondReadingResolved.class);

    private final Map<Class<?>, CaseEventHandler<?>> handlers = new HashMap<>();

    @PostConstruct
    void collectHandlers() {
        for (CaseEventHandler<?> handler : handlerBeans) {
            if (handlers.put(handler.type(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.type());
            }
        }
        HandlerCoverage.require("rating-service", Topics.CASE_EVENTS, handlers.keySet(), IGNORED);
    }

    /**
     * @param announce whether rating moves are published as {@code rating.changed} (not during a rebuild, which
     *        only reproduces what was already announced)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome apply(List<IncomingEvent> events, boolean announce, ApplyContext context) {
        List<DeadLetter> dead = new ArrayList<>();
        List<Received<CaseEvent>> decoded = new ArrayList<>();
        for (IncomingEvent sent : events) {
            // Its processing is a child span of the work that emitted it; the span travels with the event from here.
            IncomingEvent event = sent.continuingTrace();
            try {
                decoded.add(new Received<>(event, EventCodec.decode(Topics.CASE_EVENTS, event.type(), event.data())));
            } catch (UndecodableEventException e) {
                dead.add(new DeadLetter(Topics.CASE_EVENTS.name(), event, DeadLetter.UNDECODABLE, e.getMessage()));
            }
        }
        Set<UUID> firstDeliveries = inbox.firstDeliveries(decoded.stream().map(r -> r.meta().id()).toList());
        List<IncomingEvent> applied = new ArrayList<>();
        List<Received<CaseEvent>> run = new ArrayList<>();
        int duplicates = 0;
        for (Received<CaseEvent> received : decoded) {
            if (!firstDeliveries.remove(received.meta().id())) {
                duplicates++; // delivered before, or twice in this batch
                continue;
            }
            if (IGNORED.contains(received.event().getClass())) {
                applied.add(received.meta()); // processed: nothing of it is rated
                continue;
            }
            CaseEventHandler<CaseEvent> handler = handlerOf(received.event());
            try (Traces.Scope trace = Traces.resume(received.meta().traceparent())) {
                if (announce) { // a rebuild replays without a line per event
                    LOG.infof("Applying %s %s of inspection %s", received.meta().type(), received.meta().id(),
                            received.meta().key());
                }
                rememberTrace(received.meta(), context);
                handler.check(received);
            } catch (BadEventException e) {
                refuse(received, e, dead);
                continue;
            }
            if (!run.isEmpty() && (!handler.appliesRuns() || run.get(0).event().getClass() != received.event().getClass())) {
                applyRun(run, announce, context, applied, dead);
            }
            run.add(received);
        }
        applyRun(run, announce, context, applied, dead);
        store.flush(context);
        return new Outcome(applied, duplicates, dead);
    }

    private static void rememberTrace(IncomingEvent meta, ApplyContext context) {
        if (meta.traceparent() != null && meta.key() != null) {
            try {
                context.traces.putIfAbsent(UUID.fromString(meta.key()), meta.traceparent());
            } catch (IllegalArgumentException notAnId) {
                // a key that is no inspection id has no snapshot to trace
            }
        }
    }

    private void applyRun(List<Received<CaseEvent>> run, boolean announce, ApplyContext context,
            List<IncomingEvent> applied, List<DeadLetter> dead) {
        if (run.isEmpty()) {
            return;
        }
        // A run shares one trace in its log lines (answers, nearly all the traffic, switch per event in AnswerEffects).
        try (Traces.Scope trace = Traces.resume(run.get(0).meta().traceparent())) {
            handlerOf(run.get(0).event()).apply(List.copyOf(run), announce, context);
            run.forEach(r -> applied.add(r.meta()));
        } catch (BadEventException e) {
            // Only handlers of single events refuse in apply (runs are checked first), before changing anything.
            run.forEach(r -> refuse(r, e, dead));
        }
        run.clear();
    }

    /** Not applied, so not processed: its inbox row goes, and a replay may apply it once the cause is mended. */
    private void refuse(Received<CaseEvent> received, BadEventException e, List<DeadLetter> dead) {
        inbox.forget(received.meta().id());
        dead.add(new DeadLetter(Topics.CASE_EVENTS.name(), received.meta(), DeadLetter.REFUSED, e.getMessage()));
    }

    @SuppressWarnings("unchecked")
    private CaseEventHandler<CaseEvent> handlerOf(CaseEvent event) {
        return (CaseEventHandler<CaseEvent>) handlers.get(event.getClass());
    }
}
