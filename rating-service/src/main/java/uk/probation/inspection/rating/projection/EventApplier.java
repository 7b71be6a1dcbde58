package uk.probation.inspection.rating.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.platform.events.IncomingEvent;
import uk.probation.inspection.platform.inbox.ProcessedEvents;
import uk.probation.inspection.platform.outbox.OutboxWriter;
import uk.probation.inspection.rating.dashboard.KeyQuestionHistory;
import uk.probation.inspection.rating.projection.Breakdown.CaseAttributes;
import uk.probation.inspection.rating.publish.RatingChanged;
import uk.probation.inspection.rating.publish.RatingTopics;
import uk.probation.inspection.rating.rules.Basis;
import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.InvalidFrameworkException;
import uk.probation.inspection.rating.rules.OverallResult;
import uk.probation.inspection.rating.rules.Rating;
import uk.probation.inspection.rating.rules.RatingRules;
import uk.probation.inspection.rating.rules.StandardResult;

/**
 * Applies one case event to the projection, in the caller's transaction, at most once (inbox). Work per answer
 * is constant: a few counter rows move, and only the answered key question's standard and the overall are
 * re-rated.
 */
@ApplicationScoped
public class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);
    private static final Set<String> ANSWERS = Set.of("YES", "NO", "NOT_APPLICABLE");

    @Inject
    Jdbc jdbc;

    @Inject
    FrameworkCache frameworks;

    @Inject
    ObjectMapper json;

    @Inject
    ProcessedEvents inbox;

    @Inject
    OutboxWriter outbox;

    @Inject
    KeyQuestionHistory history;

    /**
     * @param announce whether rating moves are published as {@code rating.changed} (not during a rebuild, which
     *        only reproduces what was already announced)
     * @return false when the event had been applied before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(IncomingEvent event, boolean announce) {
        return apply(event, announce, new ApplyContext());
    }

    /** As {@link #apply(IncomingEvent, boolean)}, sharing reads and locks with the other events of a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(IncomingEvent event, boolean announce, ApplyContext context) {
        if (!inbox.firstDelivery(event.id())) {
            return false;
        }
        JsonNode data = parse(event);
        context.eventTime = event.time();
        switch (event.type()) {
            case "inspection.opened" -> opened(data);
            case "inspection.published" -> published(data);
            case "team.member.added" -> teamMemberAdded(data);
            case "team.member.removed" -> jdbc.update("delete from team_member where inspection_id = ? and username = ?",
                    uuid(data, "inspectionId"), text(data, "username"));
            case "case.registered" -> caseRegistered(data, context);
            case "answer.recorded" -> answerRecorded(data, announce, context);
            case "judgement.recorded" -> judgementRecorded(data, announce, context);
            default -> LOG.debugf("Ignoring event type %s (%s)", event.type(), event.id());
        }
        return true;
    }

    /** Records a malformed event as processed so it is not retried for ever. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void skip(IncomingEvent event) {
        inbox.firstDelivery(event.id());
    }

    private void opened(JsonNode data) {
        UUID id = uuid(data, "inspectionId");
        Framework framework;
        try {
            framework = Framework.fromJson(data.get("framework"));
        } catch (InvalidFrameworkException e) {
            throw new BadEventException("inspection.opened " + id + ": " + e.getMessage(), e);
        }
        jdbc.update("""
                insert into inspection (id, name, region, pdu, framework_id, framework, snapshot_dirty)
                values (?, ?, ?, ?, ?, ?, true)
                on conflict (id) do update set name = excluded.name, region = excluded.region, pdu = excluded.pdu,
                    snapshot_dirty = true""",
                id, text(data, "name"), text(data, "region"), optionalText(data, "pdu"),
                framework.id(), data.get("framework").toString());
        for (Framework.Standard standard : framework.standards()) {
            StandardResult initial = framework.rules().rate(standard.basis(), List.of(), null);
            jdbc.update("""
                    insert into standard_rating (inspection_id, standard_id, rating, lowest_key_question)
                    values (?, ?, ?, null) on conflict do nothing""", id, standard.id(), initial.rating().name());
        }
        String openedBy = optionalText(data, "openedBy");
        if (openedBy != null) {
            jdbc.update("insert into team_member (inspection_id, username, role) values (?, ?, 'LEAD') on conflict do nothing",
                    id, openedBy);
        }
        frameworks.put(id, framework);
    }

    private void published(JsonNode data) {
        jdbc.update("update inspection set published = true, snapshot_dirty = true where id = ?",
                uuid(data, "inspectionId"));
    }

    private void teamMemberAdded(JsonNode data) {
        jdbc.update("""
                insert into team_member (inspection_id, username, role) values (?, ?, ?)
                on conflict (inspection_id, username) do update set role = excluded.role""",
                uuid(data, "inspectionId"), text(data, "username"),
                Objects.requireNonNullElse(optionalText(data, "role"), "INSPECTOR"));
    }

    private void caseRegistered(JsonNode data, ApplyContext context) {
        UUID id = uuid(data, "inspectionId");
        String caseRef = text(data, "caseRef");
        CaseAttributes attributes = new CaseAttributes(optionalText(data, "cohort"),
                data.path("youngAdult").asBoolean(false), optionalText(data, "gender"),
                optionalText(data, "ethnicity"), optionalText(data, "roshLevel"));
        Optional<CaseAttributes> before = caseAttributes(id, caseRef, context);
        jdbc.update("""
                insert into case_file (inspection_id, case_ref, cohort, young_adult, gender, ethnicity, rosh_level)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (inspection_id, case_ref) do update set cohort = excluded.cohort,
                    young_adult = excluded.young_adult, gender = excluded.gender, ethnicity = excluded.ethnicity,
                    rosh_level = excluded.rosh_level""",
                id, caseRef, attributes.cohort(), attributes.youngAdult(), attributes.gender(),
                attributes.ethnicity(), attributes.roshLevel());
        context.cases.put(ApplyContext.key(id, caseRef), Optional.of(attributes));
        // Answers recorded before (or under other attributes) move to the case's current breakdowns.
        List<Breakdown> old = Breakdown.of(before.orElse(null));
        List<Breakdown> now = Breakdown.of(attributes);
        List<Breakdown> leaving = old.stream().filter(b -> !now.contains(b)).toList();
        List<Breakdown> joining = now.stream().filter(b -> !old.contains(b)).toList();
        if (leaving.isEmpty() && joining.isEmpty()) {
            return;
        }
        List<String[]> answers = jdbc.list("select question_id, answer from answer where inspection_id = ? and case_ref = ?",
                row -> new String[] {row.getString(1), row.getString(2)}, id, caseRef);
        for (String[] answer : answers) {
            count(id, answer[0], leaving, answer[1], null, context);
            count(id, answer[0], joining, null, answer[1], context);
        }
    }

    private void answerRecorded(JsonNode data, boolean announce, ApplyContext context) {
        UUID id = uuid(data, "inspectionId");
        String caseRef = text(data, "caseRef");
        String questionId = text(data, "questionId");
        String answer = text(data, "answer");
        if (!ANSWERS.contains(answer)) {
            throw new BadEventException("unknown answer '" + answer + "'");
        }
        int version = integer(data, "version");
        Optional<Framework> framework = lockForOutbox(id, context);
        if (framework.isEmpty()) {
            LOG.warnf("answer.recorded for unknown inspection %s ignored", id);
            return;
        }
        // Applies only a newer version; returns the answer it replaced ('' for none), or no row when stale.
        // "before" reads the statement's snapshot, i.e. the row as it was; the inspection lock serialises writers.
        Optional<String> replaced = jdbc.one("""
                with before as (
                    select answer from answer where inspection_id = ? and case_ref = ? and question_id = ?)
                insert into answer (inspection_id, case_ref, question_id, answer, version) values (?, ?, ?, ?, ?)
                on conflict (inspection_id, case_ref, question_id) do update set answer = excluded.answer,
                    version = excluded.version where answer.version < excluded.version
                returning coalesce((select answer from before), '')""",
                row -> row.getString(1), id, caseRef, questionId, id, caseRef, questionId, answer, version);
        if (replaced.isEmpty()) {
            return; // stale or repeated version: a newer answer is already counted
        }
        String previous = replaced.get().isEmpty() ? null : replaced.get();
        if (answer.equals(previous)) {
            return;
        }
        count(id, questionId, Breakdown.of(caseAttributes(id, caseRef, context).orElse(null)), previous, answer,
                context);
        Optional<Framework.Standard> standard = framework.get().standardOfKeyQuestion(questionId);
        if (standard.isPresent() && standard.get().basis() != Basis.JUDGEMENT) {
            Map<String, Integer> percentages = keyQuestionPercentages(id, standard.get().keyQuestionIds(), context);
            int[] counts = context.keyQuestionCounts.get(ApplyContext.key(id, questionId));
            history.record(id, questionId, context.eventTime, counts[0], counts[1], percentages.get(questionId));
            StandardResult result = framework.get().rules().rate(standard.get().basis(), percentages.values(), null);
            setStandard(id, framework.get(), standard.get().id(), result, announce, context);
        }
    }

    private void judgementRecorded(JsonNode data, boolean announce, ApplyContext context) {
        UUID id = uuid(data, "inspectionId");
        String standardId = text(data, "standardId");
        Rating rating = rating(text(data, "rating"));
        int version = integer(data, "version");
        Optional<Framework> framework = lockForOutbox(id, context);
        if (framework.isEmpty()) {
            LOG.warnf("judgement.recorded for unknown inspection %s ignored", id);
            return;
        }
        Optional<Framework.Standard> standard = framework.get().standard(standardId);
        if (standard.isEmpty() || standard.get().basis() != Basis.JUDGEMENT) {
            throw new BadEventException("standard " + standardId + " is not judgement-rated");
        }
        Optional<Integer> storedVersion = jdbc.one(
                "select version from judgement where inspection_id = ? and standard_id = ?",
                row -> row.getInt(1), id, standardId);
        if (storedVersion.isPresent() && storedVersion.get() >= version) {
            return;
        }
        jdbc.update("""
                insert into judgement (inspection_id, standard_id, rating, version) values (?, ?, ?, ?)
                on conflict (inspection_id, standard_id) do update set rating = excluded.rating, version = excluded.version""",
                id, standardId, rating.name(), version);
        setStandard(id, framework.get(), standardId, framework.get().rules().rate(Basis.JUDGEMENT, List.of(), rating),
                announce, context);
    }

    /**
     * Locks the inspection row (outbox order rule: events of one inspection are appended in commit order) and
     * marks a snapshot as owed; empty when the inspection is unknown.
     */
    private Optional<Framework> lockForOutbox(UUID id, ApplyContext context) {
        if (context.locked.contains(id)) {
            return frameworks.of(id);
        }
        // Lock first, then set the mark only when it is not set: repeated updates of one row within a batch
        // transaction would each leave a row version behind.
        Optional<Boolean> owed = jdbc.one("select snapshot_dirty from inspection where id = ? for update",
                row -> row.getBoolean(1), id);
        if (owed.isEmpty()) {
            return Optional.empty();
        }
        if (!owed.get()) {
            jdbc.update("update inspection set snapshot_dirty = true where id = ?", id);
        }
        context.locked.add(id);
        return frameworks.of(id);
    }

    private Optional<CaseAttributes> caseAttributes(UUID id, String caseRef, ApplyContext context) {
        return context.cases.computeIfAbsent(ApplyContext.key(id, caseRef), k -> jdbc.one("""
                select cohort, young_adult, gender, ethnicity, rosh_level from case_file
                where inspection_id = ? and case_ref = ?""",
                row -> new CaseAttributes(row.getString(1), row.getBoolean(2), row.getString(3), row.getString(4),
                        row.getString(5)),
                id, caseRef));
    }

    /** Moves one case's answer from {@code from} to {@code to} (either may be null) in every given tally. */
    private void count(UUID id, String questionId, List<Breakdown> breakdowns, String from, String to,
            ApplyContext context) {
        if (breakdowns.isEmpty()) {
            return;
        }
        int yes = delta("YES", from, to);
        int no = delta("NO", from, to);
        int notApplicable = delta("NOT_APPLICABLE", from, to);
        int[] known = context.keyQuestionCounts.get(ApplyContext.key(id, questionId));
        if (known != null && breakdowns.contains(Breakdown.OVERALL)) {
            known[0] += yes;
            known[1] += no;
        }
        StringBuilder sql = new StringBuilder(
                "insert into question_count (inspection_id, dimension, value, question_id, yes, no, not_applicable) values ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < breakdowns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
            params.addAll(List.of(id, breakdowns.get(i).dimension(), breakdowns.get(i).value(), questionId, yes, no,
                    notApplicable));
        }
        sql.append("""
                 on conflict (inspection_id, dimension, value, question_id) do update set
                    yes = question_count.yes + excluded.yes, no = question_count.no + excluded.no,
                    not_applicable = question_count.not_applicable + excluded.not_applicable""");
        jdbc.update(sql.toString(), params.toArray());
    }

    private static int delta(String answer, String from, String to) {
        return (answer.equals(to) ? 1 : 0) - (answer.equals(from) ? 1 : 0);
    }

    /** Percentage (null: nothing relevant) per key question of one standard, from the overall tallies. */
    private Map<String, Integer> keyQuestionPercentages(UUID id, List<String> keyQuestionIds, ApplyContext context) {
        List<String> missing = keyQuestionIds.stream()
                .filter(q -> !context.keyQuestionCounts.containsKey(ApplyContext.key(id, q))).toList();
        if (!missing.isEmpty()) {
            missing.forEach(q -> context.keyQuestionCounts.put(ApplyContext.key(id, q), new int[2]));
            jdbc.list("""
                    select question_id, yes, no from question_count
                    where inspection_id = ? and dimension = 'ALL' and value = 'ALL' and question_id = any (?)""",
                    row -> context.keyQuestionCounts.put(ApplyContext.key(id, row.getString(1)),
                            new int[] {row.getInt(2), row.getInt(3)}),
                    id, missing.toArray(String[]::new));
        }
        Map<String, Integer> result = new HashMap<>();
        for (String question : keyQuestionIds) {
            int[] counts = context.keyQuestionCounts.get(ApplyContext.key(id, question));
            result.put(question, RatingRules.percentage(counts[0], counts[1]));
        }
        return result;
    }

    /** Stores a standard's result; when its rating moves, re-rates the overall and announces both moves. */
    private void setStandard(UUID id, Framework framework, String standardId, StandardResult result, boolean announce,
            ApplyContext context) {
        String key = ApplyContext.key(id, standardId);
        Optional<StandardResult> current = context.standards.containsKey(key)
                ? Optional.of(context.standards.get(key))
                : jdbc.one("select rating, lowest_key_question from standard_rating where inspection_id = ? and standard_id = ?",
                        row -> new StandardResult(Rating.valueOf(row.getString(1)), Jdbc.integer(row, "lowest_key_question")),
                        id, standardId);
        context.standards.put(key, result);
        if (current.isPresent() && current.get().equals(result)) {
            return;
        }
        jdbc.update("""
                insert into standard_rating (inspection_id, standard_id, rating, lowest_key_question) values (?, ?, ?, ?)
                on conflict (inspection_id, standard_id) do update set rating = excluded.rating,
                    lowest_key_question = excluded.lowest_key_question""",
                id, standardId, result.rating().name(), result.lowestKeyQuestion());
        Rating from = current.map(StandardResult::rating).orElse(Rating.NOT_RATED);
        if (from == result.rating()) {
            return;
        }
        List<Rating> ratings = jdbc.list("select rating from standard_rating where inspection_id = ?",
                row -> Rating.valueOf(row.getString(1)), id);
        OverallResult overall = framework.rules().overall(ratings);
        Rating overallBefore = jdbc.one("select overall_rating from inspection where id = ?",
                row -> Rating.valueOf(row.getString(1)), id).orElseThrow();
        jdbc.update("update inspection set overall_rating = ?, overall_score = ?, overall_max = ? where id = ?",
                overall.rating().name(), overall.score(), overall.maxScore(), id);
        if (!announce) {
            return;
        }
        outbox.append(RatingTopics.RATING_CHANGES, id.toString(), RatingTopics.CHANGED_TYPE,
                new RatingChanged(id.toString(), standardId, from.name(), result.rating().name(), overall.score(),
                        overall.maxScore(), result.lowestKeyQuestion()));
        if (overallBefore != overall.rating()) {
            outbox.append(RatingTopics.RATING_CHANGES, id.toString(), RatingTopics.CHANGED_TYPE,
                    new RatingChanged(id.toString(), RatingChanged.OVERALL, overallBefore.name(),
                            overall.rating().name(), overall.score(), overall.maxScore(), null));
        }
    }

    private JsonNode parse(IncomingEvent event) {
        try {
            JsonNode data = event.data() == null ? null : json.readTree(event.data());
            if (data == null || !data.isObject()) {
                throw new BadEventException(event.type() + " " + event.id() + ": data is not a JSON object");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new BadEventException(event.type() + " " + event.id() + ": data is not JSON", e);
        }
    }

    private static String text(JsonNode data, String field) {
        String value = optionalText(data, field);
        if (value == null || value.isBlank()) {
            throw new BadEventException("field '" + field + "' missing");
        }
        return value;
    }

    private static String optionalText(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(text(data, field));
        } catch (IllegalArgumentException e) {
            throw new BadEventException("field '" + field + "' is not a UUID", e);
        }
    }

    private static int integer(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new BadEventException("field '" + field + "' missing or not a whole number");
        }
        return value.asInt();
    }

    private static Rating rating(String value) {
        try {
            return Rating.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BadEventException("unknown rating '" + value + "'", e);
        }
    }
}
