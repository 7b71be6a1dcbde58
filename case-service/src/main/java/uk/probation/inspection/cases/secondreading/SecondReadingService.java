package uk.probation.inspection.cases.secondreading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.probation.inspection.cases.answer.Answer;
import uk.probation.inspection.cases.answer.AnswerService;
import uk.probation.inspection.cases.answer.AnswerValue;
import uk.probation.inspection.cases.answer.AnswerVersion;
import uk.probation.inspection.cases.answer.FirstAnswersChanged;
import uk.probation.inspection.cases.casefile.AttributeFacts;
import uk.probation.inspection.cases.casefile.CaseService;
import uk.probation.inspection.cases.casefile.CaseValues;
import uk.probation.inspection.cases.casefile.SampledCase;
import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.cases.framework.Framework;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.cases.team.TeamMember;
import uk.probation.inspection.events.cases.SecondAnswerRecorded;
import uk.probation.inspection.events.cases.SecondReadingAssigned;
import uk.probation.inspection.events.cases.SecondReadingResolved;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/**
 * A blind second reading of cases (quality assurance): the inspection's lead, or a {@code quality-assurance} member
 * of its team, gives cases to a reader who is not on the team and recorded no first answer on them (so who has not
 * seen the first answers); the team refuses them, and a reader found on it all the same can no longer read; the
 * reader answers the applicable key questions seeing the case's facts and their own answers only; agreement is measured
 * ({@link Agreement}); disagreements are resolved by keeping or changing the first answer, with a reason.
 * Second answers never enter the ratings.
 */
@ApplicationScoped
public class SecondReadingService {

    public static final int MAX_CASES = 200;
    public static final int MAX_REASON = 2_000;

    public record Assignment(String reader, List<String> caseRefs) {
    }

    public record Assigned(String reader, List<String> assigned) {
    }

    public record KeyQuestion(String id, String text) {
    }

    public record MyAnswer(String questionId, String answer, int version) {
    }

    /**
     * What the second reader sees of a case: its facts and their own answers, never the first reading's. {@code facts}:
     * the framework's declared attributes in words; the probation fields stay for the API's clients and are null for
     * other frameworks' cases.
     */
    public record CaseToRead(String caseRef, String cohort, String sentenceType, Boolean youngAdult, String gender,
            String ethnicity, String roshLevel, String startDate, List<AttributeFacts.Fact> facts,
            List<KeyQuestion> keyQuestions, List<MyAnswer> answers) {
    }

    public record Figures(int pairs, int agreed, Double percentage, Double kappa) {
        static Figures of(Agreement.Result r) {
            return new Figures(r.pairs(), r.agreed(), r.percentage() == null ? null : round(r.percentage(), 1),
                    r.kappa() == null ? null : round(r.kappa(), 3));
        }
    }

    public record QuestionAgreement(String id, Figures agreement) {
    }

    public record InspectorAgreement(String inspector, Figures agreement) {
    }

    public record ResolutionView(String outcome, String answer, String reason, String resolvedBy, Instant resolvedAt) {
    }

    public record Disagreement(String caseRef, String questionId, String firstAnswer, String firstBy,
            String secondAnswer, String reader, ResolutionView resolution) {
    }

    public record AgreementReport(Figures overall, List<QuestionAgreement> keyQuestions,
            List<InspectorAgreement> inspectors, List<Disagreement> disagreements) {
    }

    public record Resolve(String outcome, String answer, String reason) {
    }

    @Inject
    InspectionAccess access;

    @Inject
    CaseEvents events;

    @Inject
    Caller caller;

    @Inject
    AnswerService answers;

    @Transactional
    public Assigned assign(String inspectionId, Assignment request) {
        Inspection inspection = access.lockForTeamWrite(inspectionId);
        requireAssigner(inspection);
        List<FieldError> errors = new ArrayList<>();
        String reader = request == null ? null : request.reader();
        if (reader == null || reader.isBlank() || reader.length() > 100) {
            errors.add(FieldError.field("reader", "is required: the second reader's username (at most 100 characters)"));
        } else if (TeamMember.find(inspection.id, reader).isPresent()) {
            errors.add(FieldError.field("reader", "'" + reader + "' is on the inspection's team and can see the first"
                    + " answers: a second reading must be blind"));
        }
        boolean readerValid = errors.isEmpty(); // only then is what they recorded on each case worth saying
        List<String> refs = request == null || request.caseRefs() == null ? List.of() : request.caseRefs();
        if (refs.isEmpty() || refs.size() > MAX_CASES) {
            errors.add(FieldError.field("caseRefs", "must list 1 to " + MAX_CASES + " registered cases"));
        }
        List<SampledCase> cases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < refs.size() && refs.size() <= MAX_CASES; i++) {
            String ref = refs.get(i);
            Optional<SampledCase> c = ref == null ? Optional.empty()
                    : SampledCase.<SampledCase>find("inspectionId = ?1 and caseRef = ?2", inspection.id, ref)
                            .firstResultOptional();
            if (c.isEmpty()) {
                errors.add(FieldError.field("caseRefs[" + i + "]", "no case '" + ref + "' in this inspection"));
            } else if (!seen.add(ref)) {
                errors.add(FieldError.field("caseRefs[" + i + "]", "'" + ref + "' is listed twice"));
            } else if (SecondReading.count("caseId", c.get().id) > 0) {
                errors.add(FieldError.field("caseRefs[" + i + "]", "'" + ref + "' already has a second reading"));
            } else if (readerValid && recordedFirstAnswers(reader, c.get())) {
                errors.add(FieldError.field("caseRefs[" + i + "]", "'" + reader + "' recorded first answers on '" + ref
                        + "' (on the team before): a second reading of it would not be blind"));
            } else {
                cases.add(c.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("No case was assigned", errors);
        }
        Instant now = Instant.now();
        inspection.secondRead = true;
        for (SampledCase c : cases) {
            SecondReading reading = new SecondReading();
            reading.id = UUID.randomUUID();
            reading.inspectionId = inspection.id;
            reading.caseId = c.id;
            reading.reader = reader;
            reading.assignedBy = caller.username();
            reading.assignedAt = now;
            reading.persist();
            events.append(new SecondReadingAssigned(inspection.id, c.caseRef, reader, caller.username()));
        }
        return new Assigned(reader, cases.stream().map(c -> c.caseRef).toList());
    }

    /** The inspection a second reader was given cases of (404 to anyone else): for the reader's workspace page. */
    @Transactional
    public Inspection readersInspection(String inspectionId) {
        return inspection(inspectionId, false);
    }

    /** The caller's cases to read, with nothing of the first reading. */
    @Transactional
    public List<CaseToRead> mine(String inspectionId) {
        Inspection inspection = inspection(inspectionId, false);
        List<SecondReading> readings = readingsOfCaller(inspection);
        Framework framework = access.framework(inspection);
        List<CaseToRead> result = new ArrayList<>();
        for (SecondReading reading : readings) {
            SampledCase c = SampledCase.findById(reading.caseId);
            List<KeyQuestion> questions = KeyQuestions.applicableTo(framework, CaseValues.of(c));
            List<MyAnswer> mine = SecondAnswer.<SecondAnswer>list("secondReadingId = ?1 order by questionId", reading.id)
                    .stream().map(a -> new MyAnswer(a.questionId, a.answer, a.version)).toList();
            result.add(new CaseToRead(c.caseRef, c.cohort, c.sentenceType, c.youngAdult, c.gender, c.ethnicity,
                    c.roshLevel, c.startDate == null ? null : c.startDate.toString(),
                    AttributeFacts.of(access.framework(inspection).attributes(), CaseValues.of(c)), questions, mine));
        }
        result.sort(java.util.Comparator.comparing(CaseToRead::caseRef));
        return result;
    }

    @Transactional
    public MyAnswer answer(String inspectionId, String caseRef, String questionId, String value) {
        Inspection inspection = inspection(inspectionId, true);
        SecondReading reading = readingsOfCaller(inspection).stream()
                .filter(r -> caseRef.equals(SampledCase.<SampledCase>findById(r.caseId).caseRef)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No second reading of '" + caseRef + "' for you"));
        SampledCase c = SampledCase.findById(reading.caseId);
        Framework framework = access.framework(inspection);
        List<FieldError> errors = new ArrayList<>();
        if (KeyQuestions.all(framework).stream().noneMatch(q -> q.id().equals(questionId))) {
            errors.add(FieldError.field("questionId", "'" + questionId + "' is not a key question of this framework"
                    + " (a second reading answers key questions only)"));
        } else {
            // as for a first answer: a question whose standard does not apply to the case cannot be answered on it
            framework.questions().get(questionId).notApplicableBecause(CaseValues.of(c)).ifPresent(why -> errors.add(
                    FieldError.field("questionId", "question " + questionId + " does not apply to case " + caseRef
                            + ": " + why)));
        }
        if (!AnswerValue.valid(value)) {
            errors.add(FieldError.field("answer", value == null ? "is required: YES, NO or NOT_APPLICABLE"
                    : "'" + value + "' is not YES, NO or NOT_APPLICABLE"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The second answer was not recorded", errors);
        }
        SecondAnswer current = SecondAnswer.<SecondAnswer>find("secondReadingId = ?1 and questionId = ?2", reading.id,
                questionId).firstResultOptional().orElse(null);
        if (current != null && current.answer.equals(value)) {
            return new MyAnswer(questionId, value, current.version);
        }
        String previous = current == null ? null : current.answer;
        if (current == null) {
            current = new SecondAnswer();
            current.id = UUID.randomUUID();
            current.secondReadingId = reading.id;
            current.questionId = questionId;
            current.version = 0;
        }
        current.answer = value;
        current.version++;
        current.recordedAt = Instant.now();
        current.persist();
        events.append(new SecondAnswerRecorded(inspection.id, caseRef, questionId, value, previous, current.version,
                caller.username()));
        summarise(inspection);
        return new MyAnswer(questionId, value, current.version);
    }

    @Transactional
    public AgreementReport agreement(String inspectionId) {
        Inspection inspection = access.ofTeam(inspectionId);
        requireAssigner(inspection);
        return report(inspection);
    }

    /**
     * A first answer changed: the agreement changes with it where the case's second reading answered that question
     * and the disagreement is not resolved (a resolved one keeps the readings as they were), so announce it again. A
     * resolution's own change of the first answer is such a resolved pair, announced by {@link #resolve}.
     */
    void firstAnswersChanged(@Observes FirstAnswersChanged changed) {
        if (!changed.inspection().secondRead) {
            return; // no second reading anywhere in it: nothing to announce, and no query for every single answer
        }
        Number unresolved = (Number) SecondAnswer.getEntityManager().createQuery("""
                select count(s) from SecondAnswer s
                where s.secondReadingId in (select r.id from SecondReading r where r.caseId in ?1) and s.questionId in ?2
                and not exists (select x from Resolution x where x.secondReadingId = s.secondReadingId
                                and x.questionId = s.questionId)""")
                .setParameter(1, changed.caseIds()).setParameter(2, changed.questionIds()).getSingleResult();
        if (unresolved.longValue() > 0) {
            summarise(changed.inspection());
        }
    }

    /**
     * Announces the inspection's agreement as it now stands (second.reading.agreement.summarised), in the
     * transaction of the second answer or resolution that changed it, so rating-service's workbook can carry it
     * without ever calling case-service. Its version is the sum of every second answer's version, the number of
     * resolutions and the versions of the first answers on second-read cases: each change raises it by at least one.
     */
    private void summarise(Inspection inspection) {
        var em = SecondAnswer.getEntityManager();
        Number answers = (Number) em.createQuery("select sum(a.version) from SecondAnswer a where a.secondReadingId in"
                + " (select r.id from SecondReading r where r.inspectionId = ?1)")
                .setParameter(1, inspection.id).getSingleResult();
        Number resolutions = (Number) em.createQuery("select count(x) from Resolution x where x.secondReadingId in"
                + " (select r.id from SecondReading r where r.inspectionId = ?1)")
                .setParameter(1, inspection.id).getSingleResult();
        Number firsts = (Number) em.createQuery("select sum(a.version) from Answer a where a.caseId in"
                + " (select r.caseId from SecondReading r where r.inspectionId = ?1)")
                .setParameter(1, inspection.id).getSingleResult();
        long version = (answers == null ? 0 : answers.longValue()) + resolutions.longValue()
                + (firsts == null ? 0 : firsts.longValue());
        events.append(AgreementSummary.of(inspection.id, Math.toIntExact(version), report(inspection)));
    }

    private AgreementReport report(Inspection inspection) {
        List<String> order = KeyQuestions.all(access.framework(inspection)).stream().map(KeyQuestion::id).toList();
        Map<String, List<Agreement.Pair>> byQuestion = new LinkedHashMap<>();
        order.forEach(q -> byQuestion.put(q, new ArrayList<>()));
        Map<String, List<Agreement.Pair>> byInspector = new java.util.TreeMap<>();
        List<Agreement.Pair> all = new ArrayList<>();
        List<Disagreement> disagreements = new ArrayList<>();
        for (SecondReading reading : SecondReading.<SecondReading>list("inspectionId", inspection.id)) {
            SampledCase c = SampledCase.findById(reading.caseId);
            for (SecondAnswer second : SecondAnswer.<SecondAnswer>list("secondReadingId", reading.id)) {
                Resolution resolution = Resolution.<Resolution>find("secondReadingId = ?1 and questionId = ?2",
                        reading.id, second.questionId).firstResult();
                String first;
                String firstBy;
                if (resolution != null) { // the readings as they were, not as resolved
                    first = resolution.firstAnswer;
                    firstBy = resolution.firstBy;
                } else {
                    Answer answer = Answer.<Answer>find("caseId = ?1 and questionId = ?2", c.id, second.questionId)
                            .firstResult();
                    if (answer == null) {
                        continue; // no first answer yet: nothing to compare
                    }
                    first = answer.answer;
                    firstBy = answer.recordedBy;
                }
                Agreement.Pair pair = new Agreement.Pair(first, second.answer);
                all.add(pair);
                byQuestion.computeIfAbsent(second.questionId, q -> new ArrayList<>()).add(pair);
                byInspector.computeIfAbsent(firstBy, i -> new ArrayList<>()).add(pair);
                if (!first.equals(second.answer)) {
                    disagreements.add(new Disagreement(c.caseRef, second.questionId, first, firstBy, second.answer,
                            reading.reader, resolution == null ? null : new ResolutionView(resolution.outcome,
                                    resolution.answer, resolution.reason, resolution.resolvedBy, resolution.resolvedAt)));
                }
            }
        }
        disagreements.sort(java.util.Comparator.comparing(Disagreement::caseRef)
                .thenComparing(d -> order.indexOf(d.questionId())));
        return new AgreementReport(Figures.of(Agreement.of(all)),
                byQuestion.entrySet().stream().map(e -> new QuestionAgreement(e.getKey(), Figures.of(Agreement.of(e.getValue()))))
                        .toList(),
                byInspector.entrySet().stream().map(e -> new InspectorAgreement(e.getKey(), Figures.of(Agreement.of(e.getValue()))))
                        .toList(),
                disagreements);
    }

    /**
     * Settles a disagreement: {@code KEPT} leaves the first answer; {@code CHANGED} records {@code answer} (by
     * default the second reader's) as an ordinary answer change, with its answer.recorded, in the same transaction.
     */
    @Transactional
    public ResolutionView resolve(String inspectionId, String caseRef, String questionId, Resolve request) {
        Inspection inspection = access.lockForTeamWrite(inspectionId);
        requireAssigner(inspection);
        SampledCase c = CaseService.find(inspection.id, caseRef);
        SecondReading reading = SecondReading.<SecondReading>find("caseId", c.id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No second reading of '" + caseRef + "'"));
        SecondAnswer second = SecondAnswer.<SecondAnswer>find("secondReadingId = ?1 and questionId = ?2", reading.id,
                questionId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No second answer to '" + questionId + "' of '" + caseRef + "'"));
        if (Resolution.count("secondReadingId = ?1 and questionId = ?2", reading.id, questionId) > 0) {
            throw new ProblemException(409, "Already resolved", "This disagreement was resolved already", null);
        }
        Answer first = Answer.<Answer>find("caseId = ?1 and questionId = ?2", c.id, questionId).firstResult();
        List<FieldError> errors = new ArrayList<>();
        if (first == null || first.answer.equals(second.answer)) {
            errors.add(FieldError.field("questionId", "the two readings of '" + questionId + "' do not disagree"));
        }
        String outcome = request == null ? null : request.outcome();
        if (!"KEPT".equals(outcome) && !"CHANGED".equals(outcome)) {
            errors.add(FieldError.field("outcome", "is required: KEPT or CHANGED"));
        }
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            errors.add(FieldError.field("reason", "is required (at most " + MAX_REASON + " characters)"));
        }
        String answer = "KEPT".equals(outcome) ? (first == null ? null : first.answer)
                : request != null && request.answer() != null ? request.answer() : second.answer;
        if ("CHANGED".equals(outcome) && first != null && (!AnswerValue.valid(answer) || answer.equals(first.answer))) {
            errors.add(FieldError.field("answer", "a changed answer must be YES, NO or NOT_APPLICABLE and differ from the first"));
        } else if ("KEPT".equals(outcome) && request.answer() != null && first != null && !request.answer().equals(first.answer)) {
            errors.add(FieldError.field("answer", "a kept answer is the first answer, " + first.answer));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Nothing was resolved", errors);
        }
        Resolution resolution = new Resolution();
        resolution.id = UUID.randomUUID();
        resolution.secondReadingId = reading.id;
        resolution.questionId = questionId;
        resolution.firstAnswer = first.answer;
        resolution.firstBy = first.recordedBy;
        resolution.secondAnswer = second.answer;
        resolution.outcome = outcome;
        resolution.answer = answer;
        resolution.reason = reason.strip();
        resolution.resolvedBy = caller.username();
        resolution.resolvedAt = Instant.now();
        resolution.persist();
        if ("CHANGED".equals(outcome)) {
            answers.recordOne(inspectionId, caseRef, questionId, answer,
                    "Changed after a second reading: " + truncate(resolution.reason));
        }
        events.append(new SecondReadingResolved(inspection.id, caseRef, questionId, resolution.firstAnswer,
                resolution.secondAnswer, outcome, answer, resolution.reason, caller.username()));
        summarise(inspection);
        return new ResolutionView(outcome, answer, resolution.reason, resolution.resolvedBy, resolution.resolvedAt);
    }

    private static String truncate(String reason) {
        int room = AnswerValue.MAX_NOTE - "Changed after a second reading: ".length();
        return reason.length() <= room ? reason : reason.substring(0, room);
    }

    /** The lead of the inspection, or a quality-assurance member of its team. */
    private void requireAssigner(Inspection inspection) {
        if (caller.hasRole(Caller.QUALITY_ASSURANCE)) {
            return; // membership was checked by the lookup (InspectionAccess counts quality-assurance members)
        }
        access.requireLead(inspection);
    }

    /**
     * The inspection as a second reader reaches it: they are not on its team, so they find it only through a reading
     * given to them (404 otherwise), and not while on its team (409: no longer blind); for a write, locked and open.
     */
    private Inspection inspection(String inspectionId, boolean write) {
        UUID id;
        try {
            id = UUID.fromString(inspectionId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No inspection '" + inspectionId + "'");
        }
        if (SecondReading.count("inspectionId = ?1 and reader = ?2", id, caller.username()) == 0) {
            throw ProblemException.notFound("No inspection '" + inspectionId + "'");
        }
        Inspection inspection = write ? Inspection.findById(id, LockModeType.PESSIMISTIC_WRITE) : Inspection.findById(id);
        if (inspection == null) {
            throw ProblemException.notFound("No inspection '" + inspectionId + "'");
        }
        if (TeamMember.find(inspection.id, caller.username()).isPresent()) {
            throw ProblemException.conflict("You are on the team of inspection '" + inspection.id + "' and can see its"
                    + " first answers: your second reading of its cases is no longer blind, so it is closed to you");
        }
        if (write && inspection.frozen()) {
            throw new ProblemException(409, "Inspection frozen", "Inspection '" + inspection.id
                    + "' is scheduled or published; reopen it to change it", null);
        }
        return inspection;
    }

    /** The inspections with cases given to the caller to read (not bound to their sub by this look). */
    public List<Inspection> inspectionsToRead() {
        List<UUID> ids = SecondReading.<SecondReading>list("reader", caller.username()).stream()
                .filter(r -> r.readerSubject == null || r.readerSubject.equals(caller.subject()))
                .map(r -> r.inspectionId).distinct().toList();
        return ids.stream().map(id -> Inspection.<Inspection>findById(id)).toList();
    }

    /** The caller's readings: named by username, bound to the first token's sub that uses them. */
    private List<SecondReading> readingsOfCaller(Inspection inspection) {
        List<SecondReading> readings = new ArrayList<>();
        for (SecondReading r : SecondReading.<SecondReading>list("inspectionId = ?1 and reader = ?2", inspection.id,
                caller.username())) {
            if (r.readerSubject == null) {
                r.readerSubject = caller.subject();
            }
            if (r.readerSubject.equals(caller.subject())) {
                readings.add(r);
            }
        }
        if (readings.isEmpty()) {
            throw ProblemException.notFound("No inspection '" + inspection.id + "'");
        }
        return readings;
    }

    /** Whether {@code reader} recorded any first answer on the case, the current one or any earlier version. */
    private static boolean recordedFirstAnswers(String reader, SampledCase c) {
        return Answer.count("caseId = ?1 and recordedBy = ?2", c.id, reader) > 0
                || AnswerVersion.count("recordedBy = ?1 and answerId in (select a.id from Answer a where a.caseId = ?2)",
                        reader, c.id) > 0;
    }

    static double round(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

}
