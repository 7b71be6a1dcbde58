package uk.probation.inspection.rating.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.rating.projection.Jdbc;
import uk.probation.inspection.rating.publication.Publications;

/**
 * The published inspections of a region, framework and fieldwork year, pooled per key question ({@link RegionPool}).
 * Only published snapshots are ever pooled (what any viewer of the region may read); the compared inspection adds
 * the figures its report shows.
 */
@ApplicationScoped
public class RegionFigures {

    /** The pooled figures beside a report, and the column's label; both null when the report has no fieldwork year. */
    public record Comparison(String label, Map<String, RegionPool.Pooled> pooled) {
    }

    /** A region view: every key question pooled over the region's published inspections of one framework and year. */
    public record RegionView(String region, String frameworkId, Integer year, int inspections,
            List<RegionPool.Pooled> keyQuestions) {
    }

    record Published(UUID id, Integer year, InspectionRatings ratings) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    Publications publications;

    public Comparison compare(InspectionRatings ratings, ReportContent content, UUID own) {
        Integer year = year(content.fieldworkStart());
        if (year == null) {
            return new Comparison(null, null);
        }
        List<Published> others = published(ratings.region(), ratings.frameworkId()).stream()
                .filter(p -> !p.id().equals(own) && year.equals(p.year())).toList();
        Map<String, List<RegionPool.Figure>> figures = new LinkedHashMap<>();
        add(figures, own.toString(), ratings);
        others.forEach(p -> add(figures, p.id().toString(), p.ratings()));
        return new Comparison(ratings.region() + " " + year + " (" + (others.size() + 1) + " inspections)",
                RegionPool.pool(figures, own.toString()));
    }

    public RegionView region(String region, String frameworkId, Integer year) {
        List<Published> all = published(region, frameworkId).stream()
                .filter(p -> year == null || year.equals(p.year())).toList();
        Map<String, List<RegionPool.Figure>> figures = new LinkedHashMap<>();
        all.forEach(p -> add(figures, p.id().toString(), p.ratings()));
        return new RegionView(region, frameworkId, year, all.size(),
                new ArrayList<>(RegionPool.pool(figures, null).values()));
    }

    private List<Published> published(String region, String frameworkId) {
        record Row(UUID id, String fieldworkStart) {
        }
        List<Row> rows = jdbc.list("""
                select id, fieldwork_start from inspection where upper(region) = upper(?) and framework_id = ?
                order by id""", row -> new Row(row.getObject(1, UUID.class), row.getString(2)), region, frameworkId);
        List<Published> result = new ArrayList<>();
        for (Row row : rows) {
            Optional<Publications.Visible> visible = publications.latestVisible(row.id());
            visible.ifPresent(v -> {
                Integer year = year(row.fieldworkStart() != null ? row.fieldworkStart()
                        : v.snapshot().reportContent().fieldworkStart());
                result.add(new Published(row.id(), year != null ? year : v.visibleFrom().getYear(), v.snapshot().ratings()));
            });
        }
        return result;
    }

    private static void add(Map<String, List<RegionPool.Figure>> figures, String id, InspectionRatings ratings) {
        ratings.standards().forEach(s -> s.keyQuestions().forEach(q -> figures.computeIfAbsent(q.id(), k -> new ArrayList<>())
                .add(new RegionPool.Figure(id, q.yes(), q.relevant()))));
    }

    static Integer year(String isoDate) {
        if (isoDate == null || isoDate.length() < 4) {
            return null;
        }
        try {
            return Integer.parseInt(isoDate.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
