package uk.probation.inspection.cases.answer;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.cases.casefile.CaseService;
import uk.probation.inspection.cases.casefile.CaseValues;
import uk.probation.inspection.cases.casefile.SampledCase;
import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.events.cases.AnswerRecorded;
import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ItemLimit;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.problem.ValidationErrors;
import uk.probation.inspection.platform.security.Caller;

/**
 * Records answers. A changed answer gets a new version and one answer.recorded; the same answer again
 * changes nothing and emits nothing.
 */
@ApplicationScoped
public class AnswerService {

    public record Recorded(Answer answer, boolean changed) {
    }

    public record BatchResult(int recorded, int unchanged) {
    }

    /**
     * The most answers one batch may carry: a whole inspection has a few thousand (tens of cases, about a hundred
     * questions and prompts each), and one transaction holds every answer, version and event of the batch.
     */
    public static final int MAX_ANSWERS_PER_REQUEST = 10_000;

    @Inject
    InspectionAccess access;

    @Inject
    CaseEvents events;

    @Inject
    Caller caller;

    @Inject
    jakarta.enterprise.event.Event<FirstAnswersChanged> firstAnswersChanged;

    @Transactional
    public Recorded recordOne(String inspectionId, String caseRef, String questionId, String value, String note) {
        return recordOne(inspectionId, caseRef, questionId, value, note, null);
    }

    /**
     * @param expectedVersion the version of the answer the writer last saw (0: none yet), or null to write whatever
     *        is there now; a stale one is refused ({@link StaleAnswerException}, see {@link AnswerVersionCheck})
     */
    @Transactional
    public Recorded recordOne(String inspectionId, String caseRef, String questionId, String value, String note,
            Integer expectedVersion) {
        Inspection inspection = access.lockForTeamWrite(inspectionId);
        Framework framework = access.framework(inspection);
        SampledCase c = CaseService.find(inspection.id, caseRef);
        List<FieldError> errors = new java.util.ArrayList<>();
        if (!framework.isQuestion(questionId)) {
            errors.add(FieldError.field("questionId",
                    "'" + questionId + "' is not a key question or prompt of this inspection's framework"));
        } else {
            notApplicable(framework, c, questionId).ifPresent(why -> errors.add(FieldError.field("questionId",
                    "question " + questionId + " does not apply to case " + caseRef + ": " + why)));
        }
        if (!AnswerValue.valid(value)) {
            errors.add(FieldError.field("answer", value == null ? "is required: YES, NO or NOT_APPLICABLE"
                    : "'" + value + "' is not YES, NO or NOT_APPLICABLE"));
        }
        if (note != null && note.length() > AnswerValue.MAX_NOTE) {
            errors.add(FieldError.field("note", "must be at most " + AnswerValue.MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The answer was not recorded", errors);
        }
        Answer current = Answer.<Answer>find("caseId = ?1 and questionId = ?2", c.id, questionId)
                .firstResultOptional().orElse(null);
        if (AnswerVersionCheck.conflicts(expectedVersion, current == null ? null : current.version,
                current == null ? null : current.answer, current == null ? null : current.note, value, note)) {
            throw new StaleAnswerException(current == null
                    ? new StaleAnswerException.Current(c.caseRef, questionId, null, null, 0, null, null)
                    : new StaleAnswerException.Current(c.caseRef, questionId, current.answer, current.note,
                            current.version, current.recordedBy, current.recordedAt), expectedVersion);
        }
        if (current != null && current.answer.equals(value)) {
            if (note != null && !note.equals(current.note)) {
                // A note on an unchanged answer is kept, but is not a new version of the answer.
                current.note = note;
                AnswerVersion.update("note = ?1 where answerId = ?2 and version = ?3", note, current.id, current.version);
            }
            return new Recorded(current, false);
        }
        Answer recorded = apply(inspection, c, current, questionId, value, note, Instant.now());
        firstAnswersChanged.fire(new FirstAnswersChanged(inspection, Set.of(c.id), Set.of(questionId)));
        return new Recorded(recorded, true);
    }

    /**
     * All of the batch or nothing: any bad row rejects it, listing the bad rows. The batch is read one answer at a
     * time as it is checked; checking stops at the {@link ValidationErrors#MAX_LISTED}th problem (422) or at the
     * answer after {@link #MAX_ANSWERS_PER_REQUEST} (413).
     */
    @Transactional
    public BatchResult recordBatch(String inspectionId, Iterator<AnswerInput> answers) {
        Inspection inspection = access.lockForTeamWrite(inspectionId);
        Framework framework = access.framework(inspection);
        Map<String, SampledCase> cases = SampledCase.<SampledCase>list("inspectionId", inspection.id).stream()
                .collect(Collectors.toMap(c -> c.caseRef, Function.identity()));
        Map<String, Map<String, Object>> values = new HashMap<>();
        AnswerRules.Check rules = new AnswerRules.Check(cases.keySet(), framework.questions().keySet(),
                (caseRef, questionId) -> framework.questions().get(questionId).notApplicableBecause(
                        values.computeIfAbsent(caseRef, ref -> CaseValues.of(cases.get(ref)))));
        ValidationErrors problems = new ValidationErrors();
        List<AnswerInput> inputs = problems.checkEach(ItemLimit.of(answers, MAX_ANSWERS_PER_REQUEST, "answers"),
                (a, errors) -> {
                    rules.check(a, errors::add);
                    return a;
                });
        if (inputs.isEmpty() && problems.isEmpty()) {
            problems.add(AnswerRules.noAnswers());
        }
        if (!problems.isEmpty()) {
            throw problems.invalid("No answer was recorded");
        }
        Map<String, Answer> current = new HashMap<>();
        for (Answer a : Answer.<Answer>list("inspectionId", inspection.id)) {
            current.put(a.caseId + "/" + a.questionId, a);
        }
        Instant now = Instant.now();
        int recorded = 0;
        Set<UUID> changedCases = new HashSet<>();
        Set<String> changedQuestions = new HashSet<>();
        for (AnswerInput input : inputs) {
            SampledCase c = cases.get(input.caseRef());
            Answer existing = current.get(c.id + "/" + input.questionId());
            if (existing != null && Objects.equals(existing.answer, input.answer())) {
                continue;
            }
            apply(inspection, c, existing, input.questionId(), input.answer(), null, now);
            changedCases.add(c.id);
            changedQuestions.add(input.questionId());
            recorded++;
        }
        if (recorded > 0) {
            firstAnswersChanged.fire(new FirstAnswersChanged(inspection, changedCases, changedQuestions));
        }
        return new BatchResult(recorded, inputs.size() - recorded);
    }

    /** Why {@code questionId} does not apply to case {@code c} (its standard's appliesTo); empty when it does. */
    static java.util.Optional<String> notApplicable(Framework framework, SampledCase c, String questionId) {
        return framework.questions().get(questionId).notApplicableBecause(CaseValues.of(c));
    }

    private Answer apply(Inspection inspection, SampledCase c, Answer current, String questionId, String value,
            String note, Instant now) {
        String previous = current == null ? null : current.answer;
        if (current == null) {
            current = new Answer();
            current.id = UUID.randomUUID();
            current.inspectionId = inspection.id;
            current.caseId = c.id;
            current.questionId = questionId;
            current.version = 0;
        }
        current.answer = value;
        current.note = note;
        current.version++;
        current.recordedBy = caller.username();
        current.recordedAt = now;
        if (current.version == 1) {
            current.persist();
        }
        AnswerVersion version = new AnswerVersion();
        version.id = UUID.randomUUID();
        version.answerId = current.id;
        version.version = current.version;
        version.previousAnswer = previous;
        version.answer = value;
        version.note = note;
        version.recordedBy = current.recordedBy;
        version.recordedAt = now;
        version.persist();
        events.append(new AnswerRecorded(inspection.id,
                c.caseRef, questionId, value, previous, current.version, current.recordedBy));
        return current;
    }
}
