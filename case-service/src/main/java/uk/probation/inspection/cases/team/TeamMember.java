package uk.probation.inspection.cases.team;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person on an inspection's team: only they may read or change its cases, answers and judgements. */
@Entity
@Table(name = "team_member")
@IdClass(TeamMember.Key.class)
public class TeamMember extends PanacheEntityBase {

    public enum Role {
        LEAD, INSPECTOR
    }

    @Id
    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Id
    public String username;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public Instant addedAt;

    /** The member's token {@code sub}; null until they first use the inspection (added by name). */
    public String subject;

    /** Whether the caller is this member: the same sub once bound; the name alone only until then. */
    public boolean isCaller(String callerSubject) {
        return subject == null || subject.equals(callerSubject);
    }

    public static Optional<TeamMember> find(UUID inspectionId, String username) {
        return find("inspectionId = ?1 and username = ?2", inspectionId, username).firstResultOptional();
    }

    public static List<TeamMember> of(UUID inspectionId) {
        return list("inspectionId = ?1 order by addedAt, username", inspectionId);
    }

    public static class Key implements Serializable {
        public UUID inspectionId;
        public String username;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(inspectionId, k.inspectionId) && Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(inspectionId, username);
        }
    }
}
