package uk.probation.inspection.rating.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import uk.probation.inspection.rating.projection.Breakdown;
import uk.probation.inspection.rating.rules.Dimension;

/**
 * The groups of cases the report and the workbook break figures down by, from the breakdown dimensions the
 * inspection's framework declares: a group per declared value of an ENUM, one for the true cases of a BOOLEAN, and
 * one per value seen for a TEXT attribute. A group's id is what prompt facts, the CSV's {@code cohort} column and
 * the workbook's {@code group} column name it by: the tally value itself ({@code RESETTLEMENT}, {@code YOUNG_ADULT},
 * as the probation report always had them) when no other declared group has that value, otherwise, and always for
 * TEXT values (which are not declared), {@code <attribute>:<VALUE>} (youth: {@code roshLevel:LOW} beside
 * {@code safetyWellbeingLevel:LOW}).
 */
public final class BreakdownGroups {

    /** A group of cases: its id, printed name, its dimension (one sheet each) and the tally it reads. */
    public record Group(String id, String name, String dimension, String dimensionName, Breakdown breakdown) {
    }

    public static final Group ALL = new Group("ALL", "All cases", Breakdown.ALL, "All cases", Breakdown.OVERALL);

    private final List<Dimension> dimensions;
    private final List<Group> groups;

    private BreakdownGroups(List<Dimension> dimensions, List<Group> groups) {
        this.dimensions = dimensions;
        this.groups = groups;
    }

    /**
     * @param seenTextValues a TEXT dimension's id to the tally values its cases hold (in the order to show them)
     */
    public static BreakdownGroups of(List<Dimension> dimensions, Function<String, Collection<String>> seenTextValues) {
        Map<String, Integer> declaredUses = new HashMap<>();
        for (Dimension d : dimensions) {
            declaredValues(d).forEach(v -> declaredUses.merge(v, 1, Integer::sum));
        }
        List<Group> groups = new ArrayList<>();
        for (Dimension d : dimensions) {
            boolean text = !d.isBoolean() && !"ENUM".equals(d.type());
            Collection<String> values = text ? seenTextValues.apply(d.id()) : declaredValues(d);
            for (String value : values) {
                boolean bare = !text && declaredUses.get(value) == 1;
                groups.add(new Group(bare ? value : d.id() + ":" + value, d.isBoolean() ? d.name() : printed(value),
                        d.id(), d.name(), new Breakdown(d.id(), value)));
            }
        }
        return new BreakdownGroups(List.copyOf(dimensions), List.copyOf(groups));
    }

    private static List<String> declaredValues(Dimension d) {
        if (d.isBoolean()) {
            return List.of(d.trueValue());
        }
        return "ENUM".equals(d.type()) ? d.values().stream().map(Breakdown::normalise).toList() : List.of();
    }

    /** Every group besides all cases, dimension by dimension in declaration order. */
    public List<Group> groups() {
        return groups;
    }

    /** The framework's breakdown dimensions, in declaration order. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** The groups of one dimension (none for a TEXT dimension whose cases hold no value yet). */
    public List<Group> of(String dimension) {
        return groups.stream().filter(g -> g.dimension().equals(dimension)).toList();
    }

    /** All cases first, then every group. */
    public List<Group> withAll() {
        List<Group> all = new ArrayList<>();
        all.add(ALL);
        all.addAll(groups);
        return all;
    }

    /**
     * The group a prompt fact or query names, by its id or as {@code <attribute>:<value>} (value in any case); null
     * names all cases; empty when no such group exists.
     */
    public Optional<Group> find(String id) {
        if (id == null) {
            return Optional.of(ALL);
        }
        String trimmed = id.trim();
        for (Group g : withAll()) {
            if (g.id().equals(trimmed) || (g.dimension() + ":" + g.breakdown().value()).equalsIgnoreCase(trimmed)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * The groups the report's comparison table sets side by side: those of the first ENUM dimension (probation: the
     * community and resettlement cohorts; youth justice: court and out-of-court disposals); empty when none.
     */
    public List<Group> comparison() {
        return dimensions.stream().filter(d -> "ENUM".equals(d.type())).findFirst()
                .map(d -> of(d.id())).orElse(List.of());
    }

    /** A value as a report prints it: {@code OUT_OF_COURT} → "Out of court", {@code VERY_HIGH} → "Very high". */
    static String printed(String value) {
        String words = value.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
