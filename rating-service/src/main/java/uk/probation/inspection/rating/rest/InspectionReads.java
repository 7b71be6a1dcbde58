package uk.probation.inspection.rating.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.rating.dashboard.KeyQuestionHistory;
import uk.probation.inspection.rating.dashboard.ReportData;
import uk.probation.inspection.rating.projection.Breakdown;
import uk.probation.inspection.rating.projection.BreakdownDimensions;
import uk.probation.inspection.rating.projection.FrameworkCache;
import uk.probation.inspection.rating.projection.Jdbc;
import uk.probation.inspection.rating.projection.RatingsQuery;
import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.rating.projection.RatingsViews.RegionRow;
import uk.probation.inspection.rating.publication.PublishedSnapshot;
import uk.probation.inspection.rating.publication.Publications;
import uk.probation.inspection.rating.report.BreakdownGroups;

/** Every read of an inspection's figures, from the live projection or from the publication, as {@link Readable} says. */
@ApplicationScoped
public class InspectionReads {

    @Inject
    RatingsQuery query;

    @Inject
    FrameworkCache frameworks;

    @Inject
    Jdbc jdbc;

    @Inject
    KeyQuestionHistory history;

    @Inject
    Publications publications;

    @Inject
    BreakdownDimensions dimensions;

    public InspectionRatings ratings(Readable r) {
        return r.live() ? query.ratings(r.header()) : snapshot(r).ratings();
    }

    public List<QuestionView> questions(Readable r, Breakdown breakdown) {
        return r.live() ? query.questions(r.header().id(), breakdown) : snapshot(r).questions(breakdown);
    }

    public RegionRow regionRow(Readable r) {
        return r.live() ? query.regionRow(r.header()) : RatingsQuery.regionRow(snapshot(r).ratings());
    }

    /** Everything the report prints: overall tallies and each breakdown group's. */
    public ReportData report(Readable r) {
        Map<String, List<QuestionView>> tallies = tallies(r, groups(r));
        long cases = r.live() ? jdbc.one("select count(*) from case_file where inspection_id = ?",
                row -> row.getLong(1), r.header().id()).orElse(0L) : snapshot(r).cases();
        return new ReportData(ratings(r), frameworks.of(r.header().id()).orElseThrow(), cases, tallies);
    }

    /** The breakdown groups of the inspection's framework, with the TEXT values its cases hold (live or published). */
    public BreakdownGroups groups(Readable r) {
        UUID id = r.header().id();
        return BreakdownGroups.of(dimensions.of(id), dimension -> r.live()
                ? jdbc.list("select distinct value from question_count where inspection_id = ? and dimension = ? "
                        + "order by value", row -> row.getString(1), id, dimension)
                : snapshot(r).breakdowns().keySet().stream().filter(k -> k.startsWith(dimension + "="))
                        .map(k -> k.substring(dimension.length() + 1)).sorted().toList());
    }

    /** Every group's rows, all cases first, keyed by group id. */
    public Map<String, List<QuestionView>> tallies(Readable r, BreakdownGroups groups) {
        Map<String, List<QuestionView>> tallies = new LinkedHashMap<>();
        for (BreakdownGroups.Group group : groups.withAll()) {
            tallies.put(group.id(), questions(r, group.breakdown()));
        }
        return tallies;
    }

    /**
     * Each key question's percentage over time. Viewers never see figures from before publication: theirs is one
     * point per visible publication version, at the time it became visible.
     */
    public Map<String, List<KeyQuestionHistory.Point>> history(Readable r) {
        if (r.live()) {
            return history.of(r.header().id());
        }
        Map<String, List<KeyQuestionHistory.Point>> points = new LinkedHashMap<>();
        for (Publications.Visible version : publications.allVisible(r.header().id())) {
            version.snapshot().ratings().standards().forEach(standard -> standard.keyQuestions().forEach(q -> points
                    .computeIfAbsent(q.id(), k -> new ArrayList<>())
                    .add(new KeyQuestionHistory.Point(version.visibleFrom(), q.yes(), q.no(), q.percentage()))));
        }
        return points;
    }

    private static PublishedSnapshot snapshot(Readable r) {
        return r.publication().snapshot();
    }
}
