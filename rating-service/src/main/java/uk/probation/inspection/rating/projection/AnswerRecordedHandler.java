package uk.probation.inspection.rating.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.platform.consume.Received;

/** Nearly all of the traffic: runs of answers are applied together ({@link AnswerEffects}). */
@ApplicationScoped
public class AnswerRecordedHandler implements CaseEventHandler<AnswerRecorded> {

    @Inject
    AnswerEffects effects;

    @Override
    public Class<AnswerRecorded> type() {
        return AnswerRecorded.class;
    }

    @Override
    public boolean appliesRuns() {
        return true;
    }

    @Override
    public void check(Received<AnswerRecorded> received) {
        AnswerChange.of(received.event(), received.meta().time(), null);
    }

    @Override
    public void apply(List<Received<AnswerRecorded>> run, boolean announce, ApplyContext context) {
        effects.apply(run.stream().map(r -> AnswerChange.of(r.event(), r.meta().time(), r.meta().traceparent())).toList(), announce, context);
    }
}
