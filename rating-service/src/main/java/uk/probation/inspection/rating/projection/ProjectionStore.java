package uk.probation.inspection.rating.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import uk.probation.inspection.rating.projection.ApplyContext.AnswerKey;
import uk.probation.inspection.rating.projection.ApplyContext.CaseKey;
import uk.probation.inspection.rating.projection.ApplyContext.CountKey;
import uk.probation.inspection.rating.projection.ApplyContext.HistoryPoint;
import uk.probation.inspection.rating.projection.ApplyContext.StoredAnswer;
import uk.probation.inspection.rating.projection.Breakdown.CaseAttributes;
import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.OverallResult;
import uk.probation.inspection.rating.rules.Rating;
import uk.probation.inspection.rating.rules.StandardResult;

/**
 * Reads into and writes from an {@link ApplyContext} with set-based statements: whatever the number of events, a
 * batch costs a handful of round trips (arrays passed whole and unnested by PostgreSQL).
 */
@ApplicationScoped
public class ProjectionStore {

    private static final Logger LOG = Logger.getLogger(ProjectionStore.class);

    @Inject
    Jdbc jdbc;

    @Inject
    FrameworkCache frameworks;

    /**
     * Locks the inspections not yet held (outbox order rule: events of one inspection are appended in commit
     * order; in id order, so two transactions cannot deadlock), marks their snapshots as owed and reads their
     * ratings and overall tallies.
     */
    void lock(Collection<UUID> ids, ApplyContext context) {
        String[] wanted = ids.stream().distinct()
                .filter(id -> !context.inspections.containsKey(id) && !context.unknown.contains(id))
                .map(UUID::toString).toArray(String[]::new);
        if (wanted.length == 0) {
            return;
        }
        record Row(UUID id, boolean owed, OverallResult overall) {
        }
        List<Row> rows = jdbc.list("""
                select id, snapshot_dirty, overall_rating, overall_score, overall_max from inspection
                where id = any (cast(? as uuid[])) order by id for update""",
                row -> new Row(row.getObject(1, UUID.class), row.getBoolean(2),
                        new OverallResult(Rating.valueOf(row.getString(3)), row.getInt(4), row.getInt(5))),
                (Object) wanted);
        List<UUID> found = rows.stream().map(Row::id).toList();
        List<UUID> clean = rows.stream().filter(r -> !r.owed()).map(Row::id).toList();
        for (Row row : rows) {
            Framework framework = frameworks.of(row.id()).orElseThrow();
            context.inspections.put(row.id(), new InspectionState(row.id(), framework, row.overall()));
        }
        for (String id : wanted) {
            if (!found.contains(UUID.fromString(id))) {
                context.unknown.add(UUID.fromString(id));
            }
        }
        if (found.isEmpty()) {
            return;
        }
        String[] locked = found.stream().map(UUID::toString).toArray(String[]::new);
        if (!clean.isEmpty()) {
            // Only where unset: an update of an already marked row would just leave a dead row version behind.
            jdbc.update("""
                    update inspection set snapshot_dirty = true, snapshot_trace = t.trace
                    from unnest(cast(? as uuid[]), cast(? as text[])) as t(id, trace) where inspection.id = t.id""",
                    (Object) clean.stream().map(UUID::toString).toArray(String[]::new),
                    (Object) clean.stream().map(context::traceOf).toArray(String[]::new));
        }
        jdbc.list("""
                select inspection_id, standard_id, rating, lowest_key_question from standard_rating
                where inspection_id = any (cast(? as uuid[]))""",
                row -> context.inspections.get(row.getObject(1, UUID.class)).standards.put(row.getString(2),
                        new StandardResult(Rating.valueOf(row.getString(3)), Jdbc.integer(row, "lowest_key_question"))),
                (Object) locked);
        jdbc.list("""
                select inspection_id, question_id, yes, no from question_count
                where inspection_id = any (cast(? as uuid[])) and dimension = 'ALL' and value = 'ALL'""",
                row -> context.inspections.get(row.getObject(1, UUID.class)).overallCounts.put(row.getString(2),
                        new int[] {row.getInt(3), row.getInt(4)}),
                (Object) locked);
        // Overall tally changes this transaction owes for an inspection read only now are not in the rows yet.
        context.countDeltas.forEach((key, delta) -> {
            if (found.contains(key.inspectionId()) && key.dimension().equals(Breakdown.ALL)) {
                int[] counts = context.inspections.get(key.inspectionId()).counts(key.questionId());
                counts[0] += delta[0];
                counts[1] += delta[1];
            }
        });
    }

    /** Reads the stored answers of the keys not yet known to the context. */
    void loadAnswers(Collection<AnswerKey> keys, ApplyContext context) {
        List<AnswerKey> wanted = keys.stream().distinct().filter(k -> !context.answers.containsKey(k)).toList();
        if (wanted.isEmpty()) {
            return;
        }
        jdbc.list("""
                select a.inspection_id, a.case_ref, a.question_id, a.answer, a.version
                from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[])) as k(inspection_id, case_ref, question_id)
                join answer a on a.inspection_id = k.inspection_id and a.case_ref = k.case_ref
                    and a.question_id = k.question_id""",
                row -> context.answers.put(
                        new AnswerKey(row.getObject(1, UUID.class), row.getString(2), row.getString(3)),
                        new StoredAnswer(row.getString(4), row.getInt(5))),
                wanted.stream().map(k -> k.inspectionId().toString()).toArray(String[]::new),
                wanted.stream().map(AnswerKey::caseRef).toArray(String[]::new),
                wanted.stream().map(AnswerKey::questionId).toArray(String[]::new));
    }

    /** Reads the attributes of the cases not yet known to the context (empty: not registered). */
    void loadCases(Collection<CaseKey> keys, ApplyContext context) {
        List<CaseKey> wanted = keys.stream().distinct().filter(k -> !context.cases.containsKey(k)).toList();
        if (wanted.isEmpty()) {
            return;
        }
        wanted.forEach(k -> context.cases.put(k, Optional.empty()));
        jdbc.list("""
                select f.inspection_id, f.case_ref, f.cohort, f.young_adult, f.gender, f.ethnicity, f.rosh_level,
                    f.tallies
                from unnest(cast(? as uuid[]), cast(? as text[])) as k(inspection_id, case_ref)
                join case_file f on f.inspection_id = k.inspection_id and f.case_ref = k.case_ref""",
                row -> context.cases.put(new CaseKey(row.getObject(1, UUID.class), row.getString(2)),
                        Optional.of(row.getString(8) != null ? CaseTallies.read(row.getString(8))
                                : CaseAttributes.probation(row.getString(3), row.getBoolean(4), row.getString(5),
                                        row.getString(6), row.getString(7)))),
                wanted.stream().map(k -> k.inspectionId().toString()).toArray(String[]::new),
                wanted.stream().map(CaseKey::caseRef).toArray(String[]::new));
    }

    /** Writes everything the context owes: at most one statement per table. */
    public void flush(ApplyContext context) {
        if (!context.owesWrites()) {
            return;
        }
        long started = System.nanoTime();
        writeAnswers(context);
        writeCounts(context);
        writeHistory(context);
        writeStandards(context);
        writeOverall(context);
        LOG.tracef("Flushed %d answers, %d tallies, %d history points in %d µs", context.changedAnswers.size(),
                context.countDeltas.size(), context.history.size(), (System.nanoTime() - started) / 1000);
        context.written();
    }

    private void writeAnswers(ApplyContext context) {
        if (context.changedAnswers.isEmpty()) {
            return;
        }
        List<AnswerKey> keys = List.copyOf(context.changedAnswers);
        jdbc.update("""
                insert into answer (inspection_id, case_ref, question_id, answer, version)
                select * from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                    cast(? as integer[]))
                on conflict (inspection_id, case_ref, question_id) do update set answer = excluded.answer,
                    version = excluded.version""",
                keys.stream().map(k -> k.inspectionId().toString()).toArray(String[]::new),
                keys.stream().map(AnswerKey::caseRef).toArray(String[]::new),
                keys.stream().map(AnswerKey::questionId).toArray(String[]::new),
                keys.stream().map(k -> context.answers.get(k).answer()).toArray(String[]::new),
                keys.stream().map(k -> context.answers.get(k).version()).toArray(Integer[]::new));
    }

    private void writeCounts(ApplyContext context) {
        if (context.countDeltas.isEmpty()) {
            return;
        }
        List<Map.Entry<CountKey, int[]>> rows = List.copyOf(context.countDeltas.entrySet());
        jdbc.update("""
                insert into question_count (inspection_id, dimension, value, question_id, yes, no, not_applicable)
                select * from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                    cast(? as integer[]), cast(? as integer[]), cast(? as integer[]))
                on conflict (inspection_id, dimension, value, question_id) do update set
                    yes = question_count.yes + excluded.yes, no = question_count.no + excluded.no,
                    not_applicable = question_count.not_applicable + excluded.not_applicable""",
                rows.stream().map(e -> e.getKey().inspectionId().toString()).toArray(String[]::new),
                rows.stream().map(e -> e.getKey().dimension()).toArray(String[]::new),
                rows.stream().map(e -> e.getKey().value()).toArray(String[]::new),
                rows.stream().map(e -> e.getKey().questionId()).toArray(String[]::new),
                rows.stream().map(e -> e.getValue()[0]).toArray(Integer[]::new),
                rows.stream().map(e -> e.getValue()[1]).toArray(Integer[]::new),
                rows.stream().map(e -> e.getValue()[2]).toArray(Integer[]::new));
    }

    private void writeHistory(ApplyContext context) {
        if (context.history.isEmpty()) {
            return;
        }
        List<HistoryPoint> points = context.history;
        // Ordered by position, so the serial seq follows the order of the events.
        jdbc.update("""
                insert into key_question_history (inspection_id, question_id, at, yes, no, percentage)
                select h.inspection_id, h.question_id, coalesce(h.at, now()), h.yes, h.no, h.percentage
                from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as timestamptz[]), cast(? as integer[]),
                    cast(? as integer[]), cast(? as integer[]))
                    with ordinality as h(inspection_id, question_id, at, yes, no, percentage, position)
                order by h.position""",
                points.stream().map(p -> p.inspectionId().toString()).toArray(String[]::new),
                points.stream().map(HistoryPoint::questionId).toArray(String[]::new),
                points.stream().map(p -> p.at() == null ? null : p.at().toString()).toArray(String[]::new),
                points.stream().map(HistoryPoint::yes).toArray(Integer[]::new),
                points.stream().map(HistoryPoint::no).toArray(Integer[]::new),
                points.stream().map(HistoryPoint::percentage).toArray(Integer[]::new));
    }

    private void writeStandards(ApplyContext context) {
        List<String> inspections = new ArrayList<>();
        List<String> standards = new ArrayList<>();
        List<String> ratings = new ArrayList<>();
        List<Integer> lowest = new ArrayList<>();
        for (InspectionState state : context.inspections.values()) {
            for (String standardId : state.changedStandards) {
                StandardResult result = state.standards.get(standardId);
                inspections.add(state.id.toString());
                standards.add(standardId);
                ratings.add(result.rating().name());
                lowest.add(result.lowestKeyQuestion());
            }
        }
        if (inspections.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into standard_rating (inspection_id, standard_id, rating, lowest_key_question)
                select * from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as integer[]))
                on conflict (inspection_id, standard_id) do update set rating = excluded.rating,
                    lowest_key_question = excluded.lowest_key_question""",
                inspections.toArray(String[]::new), standards.toArray(String[]::new), ratings.toArray(String[]::new),
                lowest.toArray(Integer[]::new));
    }

    private void writeOverall(ApplyContext context) {
        List<InspectionState> changed = context.inspections.values().stream().filter(s -> s.overallChanged).toList();
        if (changed.isEmpty()) {
            return;
        }
        jdbc.update("""
                update inspection i set overall_rating = u.rating, overall_score = u.score, overall_max = u.max
                from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as integer[]), cast(? as integer[]))
                    as u(id, rating, score, max)
                where i.id = u.id""",
                changed.stream().map(s -> s.id.toString()).toArray(String[]::new),
                changed.stream().map(s -> s.overall.rating().name()).toArray(String[]::new),
                changed.stream().map(s -> s.overall.score()).toArray(Integer[]::new),
                changed.stream().map(s -> s.overall.maxScore()).toArray(Integer[]::new));
    }
}
