package uk.probation.inspection.rating.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.platform.security.ReadAccess;
import uk.probation.inspection.platform.security.ReadAccess.Reading;
import uk.probation.inspection.rating.projection.FrameworkCache;
import uk.probation.inspection.rating.projection.RatingsQuery;
import uk.probation.inspection.rating.projection.RatingsQuery.Header;
import uk.probation.inspection.rating.publication.Publications;
import uk.probation.inspection.rating.publication.Publications.Visible;
import uk.probation.inspection.rating.rules.SmallNumbers;

/**
 * Who may read an inspection's ratings, and which: its team (learned from team events) reads the live figures;
 * viewers of its region read the latest publication viewers may see, frozen, with small numbers withheld.
 * Anything else is 404, so the inspection's existence does not leak.
 */
@ApplicationScoped
public class InspectionAccess {

    @Inject
    Caller caller;

    @Inject
    RatingsQuery query;

    @Inject
    Publications publications;

    @Inject
    FrameworkCache frameworks;

    public Readable readable(String inspectionId) {
        UUID id;
        try {
            id = UUID.fromString(inspectionId);
        } catch (IllegalArgumentException e) {
            throw notFound(inspectionId);
        }
        Header header = query.header(id).orElseThrow(() -> notFound(inspectionId));
        return readable(header).orElseThrow(() -> notFound(inspectionId));
    }

    /** What the caller reads of this inspection, if anything. */
    public Optional<Readable> readable(Header header) {
        Reading reading = ReadAccess.of(caller).reading(header.region(),
                () -> query.onTeam(header.id(), caller.username(), caller.subject()), header::published);
        if (reading == Reading.LIVE) {
            return Optional.of(new Readable(header, null));
        }
        if (reading == Reading.NONE) {
            return Optional.empty();
        }
        int threshold = frameworks.of(header.id()).map(f -> f.smallNumberThreshold())
                .orElse(SmallNumbers.DEFAULT_THRESHOLD);
        return publications.latestVisible(header.id()).map(v -> new Readable(header,
                new Visible(v.inspectionId(), v.version(), v.visibleFrom(), v.snapshot().disclosed(threshold))));
    }

    /** True when the caller can see some inspection of the region (a viewer needs the region in its claim). */
    public boolean mayListRegion(String region) {
        return ReadAccess.of(caller).mayListRegion(region);
    }

    private static ProblemException notFound(String inspectionId) {
        return ProblemException.notFound("No inspection " + inspectionId);
    }
}
