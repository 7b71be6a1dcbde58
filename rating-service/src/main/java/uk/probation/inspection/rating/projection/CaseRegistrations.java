package uk.probation.inspection.rating.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.rating.projection.ApplyContext.AnswerKey;
import uk.probation.inspection.rating.projection.ApplyContext.CaseKey;
import uk.probation.inspection.rating.projection.ApplyContext.StoredAnswer;
import uk.probation.inspection.rating.projection.Breakdown.CaseAttributes;

/**
 * The effect of case registrations: the case's attributes are stored, and answers it already has move to the
 * tallies of its new attributes. A run of registrations costs three statements, whatever its length.
 */
@ApplicationScoped
public class CaseRegistrations {

    @Inject
    Jdbc jdbc;

    @Inject
    ProjectionStore store;

    void apply(List<CaseRegistration> registrations, ApplyContext context) {
        if (registrations.isEmpty()) {
            return;
        }
        List<CaseKey> keys = registrations.stream().map(CaseRegistration::key).distinct().toList();
        store.loadCases(keys, context);
        Map<CaseKey, Map<String, String>> answers = answersOf(keys, context);
        Map<CaseKey, CaseRegistration> latest = new LinkedHashMap<>();
        for (CaseRegistration registration : registrations) {
            CaseKey key = registration.key();
            Optional<CaseAttributes> before = context.cases.get(key);
            context.cases.put(key, Optional.of(registration.attributes()));
            latest.put(key, registration);
            List<Breakdown> old = Breakdown.of(before.orElse(null));
            List<Breakdown> now = Breakdown.of(registration.attributes());
            List<Breakdown> leaving = old.stream().filter(b -> !now.contains(b)).toList();
            List<Breakdown> joining = now.stream().filter(b -> !old.contains(b)).toList();
            answers.getOrDefault(key, Map.of()).forEach((questionId, answer) -> {
                AnswerEffects.move(context, key.inspectionId(), questionId, leaving, answer, null);
                AnswerEffects.move(context, key.inspectionId(), questionId, joining, null, answer);
            });
        }
        List<Map.Entry<CaseKey, CaseRegistration>> rows = List.copyOf(latest.entrySet());
        // The probation columns are kept for readers that predate declared attributes; tallies drives breakdowns.
        jdbc.update("""
                insert into case_file (inspection_id, case_ref, cohort, young_adult, gender, ethnicity, rosh_level,
                    tallies)
                select * from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as boolean[]),
                    cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                on conflict (inspection_id, case_ref) do update set cohort = excluded.cohort,
                    young_adult = excluded.young_adult, gender = excluded.gender, ethnicity = excluded.ethnicity,
                    rosh_level = excluded.rosh_level, tallies = excluded.tallies""",
                rows.stream().map(e -> e.getKey().inspectionId().toString()).toArray(String[]::new),
                rows.stream().map(e -> e.getKey().caseRef()).toArray(String[]::new),
                rows.stream().map(e -> e.getValue().text("cohort")).toArray(String[]::new),
                rows.stream().map(e -> Boolean.toString(Boolean.TRUE.equals(e.getValue().values().get("youngAdult"))))
                        .toArray(String[]::new),
                rows.stream().map(e -> e.getValue().text("gender")).toArray(String[]::new),
                rows.stream().map(e -> e.getValue().text("ethnicity")).toArray(String[]::new),
                rows.stream().map(e -> e.getValue().text("roshLevel")).toArray(String[]::new),
                rows.stream().map(e -> CaseTallies.write(e.getValue().attributes())).toArray(String[]::new));
    }

    /** Each case's answers as this transaction sees them: the stored rows, overlaid by what it has read or owes. */
    private Map<CaseKey, Map<String, String>> answersOf(List<CaseKey> keys, ApplyContext context) {
        Map<CaseKey, Map<String, String>> result = new HashMap<>();
        jdbc.list("""
                select a.inspection_id, a.case_ref, a.question_id, a.answer
                from unnest(cast(? as uuid[]), cast(? as text[])) as k(inspection_id, case_ref)
                join answer a on a.inspection_id = k.inspection_id and a.case_ref = k.case_ref""",
                row -> result.computeIfAbsent(new CaseKey(row.getObject(1, UUID.class), row.getString(2)),
                        k -> new HashMap<>()).put(row.getString(3), row.getString(4)),
                keys.stream().map(k -> k.inspectionId().toString()).toArray(String[]::new),
                keys.stream().map(CaseKey::caseRef).toArray(String[]::new));
        Set<CaseKey> wanted = new HashSet<>(keys);
        for (Map.Entry<AnswerKey, StoredAnswer> known : context.answers.entrySet()) {
            CaseKey key = new CaseKey(known.getKey().inspectionId(), known.getKey().caseRef());
            if (wanted.contains(key)) {
                result.computeIfAbsent(key, k -> new HashMap<>()).put(known.getKey().questionId(),
                        known.getValue().answer());
            }
        }
        return result;
    }
}
