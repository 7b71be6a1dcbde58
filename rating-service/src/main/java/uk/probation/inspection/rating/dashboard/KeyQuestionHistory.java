package uk.probation.inspection.rating.dashboard;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.rating.projection.Jdbc;

/**
 * Each key question's overall percentage over time. Written by the projection in the answer's transaction (one
 * statement, and a row only when the percentage moved), stamped with the answer event's time.
 */
@ApplicationScoped
public class KeyQuestionHistory {

    /** One point of the history. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "KeyQuestionPoint")
    public record Point(OffsetDateTime at, int yes, int no, Integer percentage) {
    }

    @Inject
    Jdbc jdbc;

    public void record(UUID inspectionId, String questionId, OffsetDateTime at, int yes, int no, Integer percentage) {
        jdbc.update("""
                insert into key_question_history (inspection_id, question_id, at, yes, no, percentage)
                select ?, ?, coalesce(cast(? as timestamptz), now()), ?, ?, cast(? as integer)
                where (select percentage from key_question_history where inspection_id = ? and question_id = ?
                       order by seq desc limit 1) is distinct from cast(? as integer)""",
                inspectionId, questionId, at, yes, no, percentage, inspectionId, questionId, percentage);
    }

    /** Key question id to its points, oldest first. */
    public Map<String, List<Point>> of(UUID inspectionId) {
        Map<String, List<Point>> result = new LinkedHashMap<>();
        jdbc.list("""
                select question_id, at, yes, no, percentage from key_question_history
                where inspection_id = ? order by question_id, seq""",
                row -> result.computeIfAbsent(row.getString(1), k -> new java.util.ArrayList<>())
                        .add(new Point(row.getObject(2, OffsetDateTime.class), row.getInt(3), row.getInt(4),
                                Jdbc.integer(row, "percentage"))),
                inspectionId);
        return result;
    }
}
