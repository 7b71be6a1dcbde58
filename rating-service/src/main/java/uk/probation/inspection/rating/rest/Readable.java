package uk.probation.inspection.rating.rest;

import uk.probation.inspection.rating.projection.RatingsQuery.Header;
import uk.probation.inspection.rating.publication.Publications.Visible;

/**
 * One inspection as a caller may read it: live (its team: {@code publication} is null) or as the publication
 * viewers see ({@code publication}'s snapshot, small numbers already withheld).
 */
public record Readable(Header header, Visible publication) {

    public boolean live() {
        return publication == null;
    }
}
