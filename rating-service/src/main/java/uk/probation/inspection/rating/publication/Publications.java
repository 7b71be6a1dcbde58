package uk.probation.inspection.rating.publication;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.rating.projection.Breakdown;
import uk.probation.inspection.rating.projection.Jdbc;
import uk.probation.inspection.rating.projection.RatingsQuery;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.rating.report.ReportTexts;

/**
 * The stored publication versions. A version's snapshot is taken from the projection when its
 * {@code inspection.published} is applied: events of one inspection are applied in order, so that is exactly the
 * state that was published. Viewers read the latest version whose {@code visible_from} has passed.
 */
@ApplicationScoped
public class Publications {

    /** A version viewers may see, with its frozen figures. */
    public record Visible(UUID inspectionId, int version, OffsetDateTime visibleFrom, PublishedSnapshot snapshot) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    RatingsQuery query;

    @Inject
    ObjectMapper json;

    @Inject
    ReportTexts texts;

    /**
     * Freezes the projection's current state of the inspection as {@code version}, in the caller's transaction (the
     * projection must be flushed first). Applied again (a rebuild), it refreshes the figures and keeps whether the
     * version was already announced.
     */
    public void record(UUID inspectionId, int version, OffsetDateTime visibleFrom, String publishedBy) {
        RatingsQuery.Header header = query.header(inspectionId).orElseThrow();
        Map<String, List<QuestionView>> breakdowns = new LinkedHashMap<>();
        breakdowns.put(PublishedSnapshot.key(Breakdown.OVERALL), query.questions(inspectionId, Breakdown.OVERALL));
        jdbc.list("""
                select distinct dimension, value from question_count
                where inspection_id = ? and dimension <> 'ALL' order by dimension, value""",
                row -> new Breakdown(row.getString(1), row.getString(2)), inspectionId)
                .forEach(b -> breakdowns.put(PublishedSnapshot.key(b), query.questions(inspectionId, b)));
        long cases = jdbc.one("select count(*) from case_file where inspection_id = ?", row -> row.getLong(1),
                inspectionId).orElse(0L);
        PublishedSnapshot snapshot = new PublishedSnapshot(
                query.ratings(header).asPublication(version, visibleFrom), breakdowns, cases, texts.current(inspectionId));
        jdbc.update("""
                insert into publication (inspection_id, version, visible_from, published_by, snapshot)
                values (?, ?, ?, ?, ?)
                on conflict (inspection_id, version) do update set visible_from = excluded.visible_from,
                    published_by = excluded.published_by, snapshot = excluded.snapshot""",
                inspectionId, version, visibleFrom, publishedBy, write(snapshot));
    }

    /** A scheduled version reopened before its time: it never becomes visible. */
    public void cancel(UUID inspectionId, int version) {
        jdbc.update("delete from publication where inspection_id = ? and version = ? and not announced",
                inspectionId, version);
    }

    public Optional<Visible> latestVisible(UUID inspectionId) {
        return jdbc.one("""
                select inspection_id, version, visible_from, snapshot from publication
                where inspection_id = ? and visible_from <= now() order by version desc limit 1""",
                row -> visible(row), inspectionId);
    }

    /** Every visible version, oldest first. */
    public List<Visible> allVisible(UUID inspectionId) {
        return jdbc.list("""
                select inspection_id, version, visible_from, snapshot from publication
                where inspection_id = ? and visible_from <= now() order by version""",
                row -> visible(row), inspectionId);
    }

    /** The ratings of a stored snapshot, as {@code rating.published} carries them. */
    public uk.probation.inspection.events.ratings.InspectionRatings ratingsOf(String stored) {
        return read(stored).ratings();
    }

    private Visible visible(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Visible(row.getObject(1, UUID.class), row.getInt(2), row.getObject(3, OffsetDateTime.class),
                read(row.getString(4)));
    }

    private String write(PublishedSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PublishedSnapshot read(String stored) {
        try {
            return json.readValue(stored, PublishedSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored publication snapshot is unreadable", e);
        }
    }
}
