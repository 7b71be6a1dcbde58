package uk.probation.inspection.feedback.inspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The inspections table, written only from case-events. Writes are upserts so that events arriving in any
 * order (a replay, a published event seen before its opened event) converge on the same state.
 */
@ApplicationScoped
public class KnownInspections {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(String id, String name, String region, String pdu, Integer smallNumberThreshold) {
        entityManager.createNativeQuery("""
                insert into inspection (id, name, region, pdu, opened, small_number_threshold)
                values (?1, ?2, ?3, ?4, true, ?5)
                on conflict (id) do update set name = excluded.name, region = excluded.region,
                    pdu = excluded.pdu, opened = true, small_number_threshold = excluded.small_number_threshold""")
                .setParameter(1, id).setParameter(2, name).setParameter(3, region).setParameter(4, pdu)
                .setParameter(5, smallNumberThreshold).executeUpdate();
    }

    /**
     * Frozen from inspection.published until inspection.reopened. The upsert locks the row, so an ingest
     * in flight commits first and is part of the publication's snapshot, and a later one sees the freeze.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void frozen(String id, boolean frozen) {
        entityManager.createNativeQuery("""
                insert into inspection (id, frozen) values (?1, ?2)
                on conflict (id) do update set frozen = excluded.frozen""")
                .setParameter(1, id).setParameter(2, frozen).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void memberAdded(String id, String username, String role, String subject) {
        entityManager.createNativeQuery("""
                insert into team_member (inspection_id, username, role, subject) values (?1, ?2, ?3, ?4)
                on conflict (inspection_id, username) do update set role = excluded.role,
                    subject = coalesce(excluded.subject, team_member.subject)""")
                .setParameter(1, id).setParameter(2, username).setParameter(3, role).setParameter(4, subject)
                .executeUpdate();
    }

    /** From now on only tokens with this sub are that member. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void memberBound(String id, String username, String subject) {
        entityManager.createNativeQuery("update team_member set subject = ?1 where inspection_id = ?2 and username = ?3")
                .setParameter(1, subject).setParameter(2, id).setParameter(3, username).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void memberRemoved(String id, String username) {
        entityManager.createNativeQuery("delete from team_member where inspection_id = ?1 and username = ?2")
                .setParameter(1, id).setParameter(2, username).executeUpdate();
    }

    /** The inspection if it was opened; empty when unknown. */
    @Transactional
    public Optional<KnownInspection> find(String id) {
        return load(id, "select region, frozen, small_number_threshold from inspection where id = ?1 and opened");
    }

    /**
     * Locks the inspection row until the transaction ends: every write that appends outbox events for an
     * inspection takes this lock first, so outbox order equals commit order within the inspection.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<KnownInspection> lock(String id) {
        return load(id, "select region, frozen, small_number_threshold from inspection where id = ?1 and opened for update");
    }

    private Optional<KnownInspection> load(String id, String sql) {
        List<?> rows = entityManager.createNativeQuery(sql).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Map<String, KnownInspection.Member> team = new LinkedHashMap<>();
        for (Object member : entityManager.createNativeQuery(
                "select username, role, subject from team_member where inspection_id = ?1 order by username")
                .setParameter(1, id).getResultList()) {
            Object[] m = (Object[]) member;
            team.put((String) m[0], new KnownInspection.Member((String) m[1], (String) m[2]));
        }
        Integer threshold = row[2] == null ? null : ((Number) row[2]).intValue();
        return Optional.of(new KnownInspection(id, (String) row[0], (Boolean) row[1], threshold, team));
    }
}
