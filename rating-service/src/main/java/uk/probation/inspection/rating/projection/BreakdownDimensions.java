package uk.probation.inspection.rating.projection;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.rating.rules.Dimension;

/**
 * The breakdown dimensions of an inspection's framework (its case attributes declared with {@code breakdown: true};
 * the probation ones for a framework that declares none), and the tallies of each: what the questions endpoint,
 * the report, the workbook and the dashboard break figures down by.
 */
@ApplicationScoped
public class BreakdownDimensions {

    @Inject
    FrameworkCache frameworks;

    /** The dimensions of the inspection's framework, in declaration order; empty for an unknown inspection. */
    public List<Dimension> of(UUID inspectionId) {
        return frameworks.of(inspectionId).map(f -> f.dimensions()).orElse(List.of());
    }

    /** The tally of one value of a dimension (see {@link Dimension#tallyValue}); use with the questions reads. */
    public static Breakdown breakdown(Dimension dimension, String tallyValue) {
        return new Breakdown(dimension.id(), tallyValue);
    }
}
