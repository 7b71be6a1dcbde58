package uk.probation.inspection.rating.report;

import java.util.List;

import uk.probation.inspection.rating.projection.Breakdown;

/**
 * The one seam between the report and the breakdown dimensions: which groups the report and workbook show, under
 * which sheet (dimension) and name, and which tally each reads. Today these are the built-in cohort groups; when
 * frameworks declare their own dimensions, this class is what changes.
 */
public final class BreakdownGroups {

    /** A group of cases: {@code id} as prompt facts and {@code ?cohort=} name it, its dimension (one sheet each). */
    public record Group(String id, String name, String dimension, String dimensionName, Breakdown breakdown) {
    }

    public static final Group ALL = new Group("ALL", "All cases", Breakdown.ALL, "All cases", Breakdown.OVERALL);

    private static final List<Group> GROUPS = List.of(
            new Group("COMMUNITY", "Community", Breakdown.COHORT, "Cohort", new Breakdown(Breakdown.COHORT, "COMMUNITY")),
            new Group("RESETTLEMENT", "Resettlement", Breakdown.COHORT, "Cohort",
                    new Breakdown(Breakdown.COHORT, "RESETTLEMENT")),
            new Group("YOUNG_ADULT", "Young adults", Breakdown.YOUNG_ADULT, "Young adults",
                    new Breakdown(Breakdown.YOUNG_ADULT, "YOUNG_ADULT")));

    private BreakdownGroups() {
    }

    /** Every group the report shows besides all cases, in order. */
    public static List<Group> groups() {
        return GROUPS;
    }

    /** All cases first, then every group. */
    public static List<Group> withAll() {
        List<Group> all = new java.util.ArrayList<>();
        all.add(ALL);
        all.addAll(GROUPS);
        return all;
    }

    /** The group a prompt fact or query names (null: all cases); empty when no such group exists. */
    public static java.util.Optional<Group> of(String id) {
        if (id == null) {
            return java.util.Optional.of(ALL);
        }
        return withAll().stream().filter(g -> g.id().equals(id)).findFirst();
    }
}
