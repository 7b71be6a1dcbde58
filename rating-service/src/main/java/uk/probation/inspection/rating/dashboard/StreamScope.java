package uk.probation.inspection.rating.dashboard;

import java.time.Instant;
import java.util.function.BooleanSupplier;

import uk.probation.inspection.platform.security.Caller;
import uk.probation.inspection.platform.security.ReadAccess;
import uk.probation.inspection.platform.security.ReadAccess.Reading;
import uk.probation.inspection.rating.projection.RatingsQuery.Header;

/**
 * The caller of a live stream, captured when it connects (the request scope ends, the stream goes on), read by the
 * same rule as every request ({@link ReadAccess}); the stream ends when the token it was opened with expires.
 */
public record StreamScope(ReadAccess access, Instant expiresAt) {

    public static StreamScope of(Caller caller, Instant expiresAt) {
        return new StreamScope(ReadAccess.of(caller), expiresAt);
    }

    public String username() {
        return access.username();
    }

    public boolean mayListRegion(String region) {
        return access.mayListRegion(region);
    }

    /** @param onTeam whether the caller is on the inspection's team (asked only when it matters) */
    public Reading reading(Header header, BooleanSupplier onTeam) {
        return access.reading(header.region(), onTeam, header::published);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
