package uk.probation.inspection.rating.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.platform.trace.Traces;

import org.jboss.logging.Logger;

import uk.probation.inspection.rating.projection.ApplyContext.CountKey;
import uk.probation.inspection.rating.projection.ApplyContext.HistoryPoint;
import uk.probation.inspection.rating.projection.ApplyContext.StoredAnswer;
import uk.probation.inspection.rating.rules.Basis;
import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.RatingRules;
import uk.probation.inspection.rating.rules.StandardResult;

/**
 * The effect of answers: a newer version replaces the counted answer, the case's tallies move, and the answered key
 * question's standard is re-rated. A run of answers is read in three statements and then applied in memory, one
 * event after the other, so the outcome (history points, announcements) is the same whatever the batch size.
 */
@ApplicationScoped
public class AnswerEffects {

    private static final Logger LOG = Logger.getLogger(AnswerEffects.class);

    @Inject
    ProjectionStore store;

    @Inject
    StandardMoves standards;

    void apply(List<AnswerChange> answers, boolean announce, ApplyContext context) {
        if (answers.isEmpty()) {
            return;
        }
        store.lock(answers.stream().map(AnswerChange::inspectionId).toList(), context);
        List<AnswerChange> known = answers.stream().filter(a -> context.inspections.containsKey(a.inspectionId()))
                .toList();
        store.loadAnswers(known.stream().map(AnswerChange::key).toList(), context);
        store.loadCases(known.stream().map(AnswerChange::caseKey).toList(), context);
        for (AnswerChange answer : answers) {
            try (Traces.Scope trace = Traces.resume(answer.traceparent())) {
                apply(answer, announce, context);
            }
        }
    }

    private void apply(AnswerChange answer, boolean announce, ApplyContext context) {
        InspectionState state = context.inspections.get(answer.inspectionId());
        if (state == null) {
            LOG.warnf("answer.recorded for unknown inspection %s ignored", answer.inspectionId());
            return;
        }
        StoredAnswer stored = context.answers.get(answer.key());
        if (stored != null && stored.version() >= answer.version()) {
            return; // stale or repeated version: a newer answer is already counted
        }
        context.answers.put(answer.key(), new StoredAnswer(answer.answer(), answer.version()));
        context.changedAnswers.add(answer.key());
        String previous = stored == null ? null : stored.answer();
        if (answer.answer().equals(previous)) {
            return;
        }
        String questionId = answer.questionId();
        int[] counts = state.counts(questionId);
        Integer percentageBefore = RatingRules.percentage(counts[0], counts[1]);
        move(context, answer.inspectionId(), questionId,
                Breakdown.of(context.cases.get(answer.caseKey()).orElse(null)), previous, answer.answer());
        Optional<Framework.Standard> standard = state.framework.standardOfKeyQuestion(questionId);
        if (standard.isEmpty() || standard.get().basis() == Basis.JUDGEMENT) {
            return;
        }
        Map<String, Integer> percentages = new HashMap<>();
        for (String keyQuestion : standard.get().keyQuestionIds()) {
            int[] c = state.counts(keyQuestion);
            percentages.put(keyQuestion, RatingRules.percentage(c[0], c[1]));
        }
        Integer percentage = percentages.get(questionId);
        // A point only when the percentage moved: the previous point holds the percentage before this answer.
        if (!java.util.Objects.equals(percentageBefore, percentage)) {
            context.history.add(new HistoryPoint(answer.inspectionId(), questionId, answer.time(), counts[0],
                    counts[1], percentage));
        }
        StandardResult result = state.framework.rules().rate(standard.get().basis(), percentages.values(), null);
        standards.set(state, standard.get().id(), result, announce);
    }

    /** Moves one case's answer from {@code from} to {@code to} (either may be null) in every given tally. */
    static void move(ApplyContext context, UUID inspectionId, String questionId, List<Breakdown> breakdowns,
            String from, String to) {
        int yes = delta("YES", from, to);
        int no = delta("NO", from, to);
        int notApplicable = delta("NOT_APPLICABLE", from, to);
        if (yes == 0 && no == 0 && notApplicable == 0) {
            return;
        }
        for (Breakdown breakdown : breakdowns) {
            int[] owed = context.countDeltas.computeIfAbsent(
                    new CountKey(inspectionId, breakdown.dimension(), breakdown.value(), questionId), k -> new int[3]);
            owed[0] += yes;
            owed[1] += no;
            owed[2] += notApplicable;
        }
        InspectionState state = context.inspections.get(inspectionId);
        if (state != null && breakdowns.contains(Breakdown.OVERALL)) {
            int[] counts = state.counts(questionId);
            counts[0] += yes;
            counts[1] += no;
        }
    }

    private static int delta(String answer, String from, String to) {
        return (answer.equals(to) ? 1 : 0) - (answer.equals(from) ? 1 : 0);
    }
}
