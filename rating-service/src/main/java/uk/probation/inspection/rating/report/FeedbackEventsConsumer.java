package uk.probation.inspection.rating.report;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import uk.probation.inspection.events.EventCodec;
import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.UndecodableEventException;
import uk.probation.inspection.events.feedback.FeedbackEvent;
import uk.probation.inspection.events.feedback.FeedbackSummarised;
import uk.probation.inspection.events.feedback.SurveyResponsesIngested;
import uk.probation.inspection.platform.consume.DeadLetter;
import uk.probation.inspection.platform.consume.DeadLetters;
import uk.probation.inspection.platform.consume.HandlerCoverage;
import uk.probation.inspection.platform.consume.Retrying;
import uk.probation.inspection.platform.events.IncomingEvent;

/**
 * The User Voice figures for the report, from feedback-events (consumer group rating-service): feedback.summarised is
 * kept per inspection and publication version ({@link UserVoiceStore}); survey.responses.ingested (counts of a file)
 * is not needed. Storing is an idempotent upsert of the latest figures, in partition order, so a redelivery changes
 * nothing and no inbox is needed. What can never be applied goes to {@code feedback-events.dlq.rating-service}.
 */
@ApplicationScoped
public class FeedbackEventsConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackEventsConsumer.class);

    static final Set<Class<? extends FeedbackEvent>> IGNORED = Set.of(SurveyResponsesIngested.class);

    @Inject
    UserVoiceStore store;

    @Inject
    DeadLetters deadLetters;

    @ConfigProperty(name = "rating.apply.retry-for", defaultValue = "PT2M")
    Duration retryFor;

    @PostConstruct
    void coverage() {
        HandlerCoverage.require("rating-service", Topics.FEEDBACK_EVENTS, Set.of(FeedbackSummarised.class), IGNORED);
    }

    @Incoming("feedback-events")
    @Blocking // ordered: one record at a time, in partition order
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (RuntimeException e) {
            dead(new DeadLetter(record.topic(), IncomingEvent.raw(record), DeadLetter.UNDECODABLE, e.getMessage()));
            return;
        }
        FeedbackEvent decoded;
        try {
            decoded = EventCodec.decode(Topics.FEEDBACK_EVENTS, event.type(), event.data());
        } catch (UndecodableEventException e) {
            dead(new DeadLetter(record.topic(), event, DeadLetter.UNDECODABLE, e.getMessage()));
            return;
        }
        if (decoded instanceof FeedbackSummarised s) {
            UUID id;
            try {
                id = UUID.fromString(s.inspectionId());
            } catch (IllegalArgumentException e) {
                dead(new DeadLetter(record.topic(), event, DeadLetter.REFUSED, "inspectionId is not a UUID"));
                return;
            }
            UserVoiceFigures figures = new UserVoiceFigures(s.templateId(), s.respondents(), s.channels(),
                    s.questions().stream().map(q -> new UserVoiceFigures.Question(q.id(), q.text(), q.yes(), q.answered(),
                            q.reportPhrase()))
                            .toList(),
                    s.options().stream().map(o -> new UserVoiceFigures.Option(o.questionId(), o.option(), o.text(),
                            o.selected(), o.answered(), o.reportPhrase())).toList());
            int version = s.publicationVersion() == null ? 0 : s.publicationVersion();
            // A database outage is waited out (in order, like case-events) instead of failing the channel for good.
            Retrying.call("feedback.summarised of " + id, retryFor, () -> {
                QuarkusTransaction.requiringNew().run(() -> store.store(id, version, figures));
                return null;
            });
        }
    }

    private void dead(DeadLetter letter) {
        LOG.warnf("feedback-events record dead-lettered: %s", letter.error());
        deadLetters.send(List.of(letter));
    }
}
