package uk.probation.inspection.rating.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.rating.projection.Jdbc;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.rating.rest.InspectionReads;
import uk.probation.inspection.rating.rest.Readable;

/**
 * Gathers what one reader's report is made of, all from this service's own tables: the team's live figures and text
 * (provisional), or for viewers the publication's frozen snapshot, its User Voice figures and the region's published
 * inspections. Never a call to another service.
 */
@ApplicationScoped
public class ReportAssembler {

    @Inject
    InspectionReads reads;

    @Inject
    ReportTexts texts;

    @Inject
    UserVoiceStore userVoice;

    @Inject
    RegionFigures region;

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    public ReportBuilder.Inputs inputs(Readable r) {
        UUID id = r.header().id();
        InspectionRatings ratings = reads.ratings(r);
        BreakdownGroups groups = reads.groups(r);
        Map<String, List<QuestionView>> tallies = reads.tallies(r, groups);
        ReportContent content = r.live() ? texts.current(id) : r.publication().snapshot().reportContent().forViewers();
        long cases = r.live() ? jdbc.one("select count(*) from case_file where inspection_id = ?",
                row -> row.getLong(1), id).orElse(0L) : r.publication().snapshot().cases();
        UserVoiceFigures figures = userVoice.of(id, r.live() ? 0 : r.publication().version()).orElse(null);
        RegionFigures.Comparison comparison = region.compare(ratings, content, id);
        return new ReportBuilder.Inputs(ratings, framework(id), cases, groups, tallies, content, figures, comparison.pooled(),
                comparison.label());
    }

    private ReportFramework framework(UUID id) {
        String stored = jdbc.one("select framework from inspection where id = ?", row -> row.getString(1), id)
                .orElseThrow();
        try {
            return ReportFramework.fromJson(json.readTree(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored framework is unreadable", e);
        }
    }

    /** The key questions of the report's standards, in order (for the region comparison). */
    static List<String> keyQuestions(InspectionRatings ratings) {
        List<String> ids = new ArrayList<>();
        ratings.standards().forEach(s -> s.keyQuestions().forEach(q -> ids.add(q.id())));
        return ids;
    }

}
