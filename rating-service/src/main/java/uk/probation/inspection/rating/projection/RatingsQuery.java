package uk.probation.inspection.rating.projection;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.events.ratings.InspectionRatings;
import uk.probation.inspection.events.ratings.InspectionRatings.KeyQuestionView;
import uk.probation.inspection.events.ratings.InspectionRatings.Overall;
import uk.probation.inspection.rating.projection.RatingsViews.QuestionView;
import uk.probation.inspection.rating.projection.RatingsViews.RegionRow;
import uk.probation.inspection.events.ratings.InspectionRatings.StandardView;
import uk.probation.inspection.events.ratings.InspectionRatings.ChangesToMove;
import uk.probation.inspection.events.ratings.InspectionRatings.Interval;
import uk.probation.inspection.rating.rules.Basis;
import uk.probation.inspection.rating.rules.Confidence;
import uk.probation.inspection.rating.rules.Framework;
import uk.probation.inspection.rating.rules.RatingRules;

/** Reads the projection into the documents of {@link RatingsViews}; no rules are applied here, only stored results. */
@ApplicationScoped
public class RatingsQuery {

    /**
     * What access checks and region lists need about an inspection: {@code status} as case-events said it (a
     * SCHEDULED one whose time has come is PUBLISHED), and the publication viewers see now, if any.
     */
    public record Header(UUID id, String name, String region, String pdu, String frameworkId, String status,
            Integer publicationVersion, OffsetDateTime publishedAt, Overall overall) {

        public boolean published() {
            return publicationVersion != null;
        }
    }

    @Inject
    Jdbc jdbc;

    @Inject
    FrameworkCache frameworks;

    private static final String HEADER_SELECT = """
            select id, name, region, pdu, framework_id, overall_rating, overall_score, overall_max,
                case when status = 'SCHEDULED' and scheduled_for <= now() then 'PUBLISHED' else status end as status,
                v.version as publication_version, v.visible_from as published_at
            from inspection left join lateral (select p.version, p.visible_from from publication p
                where p.inspection_id = inspection.id and p.visible_from <= now() order by p.version desc limit 1) v
                on true
            """; // the latest visible publication of each row: one index probe per row

    public Optional<Header> header(UUID id) {
        return jdbc.one(HEADER_SELECT + " where id = ?", RatingsQuery::header, id);
    }

    /** At most {@code limit} of a region's inspections after the keyset {@code after} (name, id; empty: from the start). */
    public List<Header> inRegion(String region, List<String> after, int limit) {
        if (after.isEmpty()) {
            return jdbc.list(HEADER_SELECT + " where upper(region) = upper(?) order by name, id limit ?",
                    RatingsQuery::header, region, limit);
        }
        return jdbc.list(HEADER_SELECT + " where upper(region) = upper(?) and (name, id) > (?, cast(? as uuid))"
                + " order by name, id limit ?", RatingsQuery::header, region, after.get(0), after.get(1), limit);
    }

    /** On the team: the name, and the token's sub once the member is bound to one (the name is not trusted). */
    public boolean onTeam(UUID id, String username, String subject) {
        return jdbc.one("""
                select 1 from team_member where inspection_id = ? and username = ? and (subject is null or subject = ?)""",
                row -> true, id, username, subject).isPresent();
    }

    public InspectionRatings ratings(Header header) {
        Framework framework = frameworks.of(header.id()).orElseThrow();
        Map<String, int[]> counts = counts(header.id(), Breakdown.OVERALL);
        Map<String, Object[]> stored = standardRatings(header.id());
        List<StandardView> standards = new ArrayList<>();
        for (Framework.Standard standard : framework.standards()) {
            List<KeyQuestionView> questions = new ArrayList<>();
            List<Confidence.Count> tallies = new ArrayList<>();
            for (Framework.KeyQuestion question : standard.keyQuestions()) {
                int[] c = counts.getOrDefault(question.id(), new int[3]);
                Interval interval = Confidence.wilson(c[0], c[0] + c[1]).map(i -> new Interval(i.low(), i.high()))
                        .orElse(null);
                questions.add(new KeyQuestionView(question.id(), question.text(), c[0], c[1], c[2], c[0] + c[1],
                        RatingRules.percentage(c[0], c[1]), interval));
                tallies.add(new Confidence.Count(c[0], c[0] + c[1]));
            }
            Object[] rating = stored.getOrDefault(standard.id(), new Object[] {"NOT_RATED", null});
            Optional<Confidence.StandardConfidence> confidence = standard.basis() == Basis.CASES
                    ? Confidence.ofStandard(framework.rules(), tallies)
                    : Optional.empty();
            standards.add(new StandardView(standard.id(), standard.name(), standard.basis().name(), (String) rating[0],
                    (Integer) rating[1], questions,
                    confidence.map(Confidence.StandardConfidence::settled).orElse(null),
                    confidence.map(c -> new ChangesToMove(c.up(), c.down())).orElse(null)));
        }
        return new InspectionRatings(header.id().toString(), header.name(), header.region(), header.pdu(),
                header.frameworkId(), header.published(), header.status(), true, header.publicationVersion(),
                header.publishedAt(), header.overall(), standards);
    }

    /** Every key question and prompt, in framework order, tallied within one breakdown. */
    public List<QuestionView> questions(UUID id, Breakdown breakdown) {
        Framework framework = frameworks.of(id).orElseThrow();
        Map<String, int[]> counts = counts(id, breakdown);
        List<QuestionView> result = new ArrayList<>();
        for (String questionId : framework.questionIds()) {
            int[] c = counts.getOrDefault(questionId, new int[3]);
            result.add(new QuestionView(questionId, c[0], c[1], c[2], c[0] + c[1], RatingRules.percentage(c[0], c[1])));
        }
        return result;
    }

    public RegionRow regionRow(Header header) {
        Framework framework = frameworks.of(header.id()).orElseThrow();
        Map<String, Object[]> stored = standardRatings(header.id());
        Map<String, String> standards = new LinkedHashMap<>();
        for (Framework.Standard standard : framework.standards()) {
            standards.put(standard.id(), (String) stored.getOrDefault(standard.id(), new Object[] {"NOT_RATED"})[0]);
        }
        return new RegionRow(header.id().toString(), header.name(), header.region(), header.pdu(), header.published(),
                header.status(), true, header.publicationVersion(), header.publishedAt(), header.overall(), standards);
    }

    /** A region row of published figures, as viewers see it. */
    public static RegionRow regionRow(InspectionRatings published) {
        Map<String, String> standards = new LinkedHashMap<>();
        published.standards().forEach(s -> standards.put(s.id(), s.rating()));
        return new RegionRow(published.inspectionId(), published.name(), published.region(), published.pdu(), true,
                published.status(), published.provisional(), published.publicationVersion(), published.publishedAt(),
                published.overall(), standards);
    }

    private Map<String, int[]> counts(UUID id, Breakdown breakdown) {
        Map<String, int[]> counts = new HashMap<>();
        jdbc.list("""
                select question_id, yes, no, not_applicable from question_count
                where inspection_id = ? and dimension = ? and value = ?""",
                row -> counts.put(row.getString(1), new int[] {row.getInt(2), row.getInt(3), row.getInt(4)}),
                id, breakdown.dimension(), breakdown.value());
        return counts;
    }

    private Map<String, Object[]> standardRatings(UUID id) {
        Map<String, Object[]> result = new HashMap<>();
        jdbc.list("select standard_id, rating, lowest_key_question from standard_rating where inspection_id = ?",
                row -> result.put(row.getString(1),
                        new Object[] {row.getString(2), Jdbc.integer(row, "lowest_key_question")}),
                id);
        return result;
    }

    private static Header header(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Header(row.getObject("id", UUID.class), row.getString("name"), row.getString("region"),
                row.getString("pdu"), row.getString("framework_id"), row.getString("status"),
                Jdbc.integer(row, "publication_version"), row.getObject("published_at", OffsetDateTime.class),
                new Overall(row.getString("overall_rating"), row.getInt("overall_score"), row.getInt("overall_max")));
    }
}
