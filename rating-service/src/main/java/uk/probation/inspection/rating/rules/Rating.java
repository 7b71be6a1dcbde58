package uk.probation.inspection.rating.rules;

/** A standard's or an inspection's rating; the last two are for standards that are not (yet) scored. */
public enum Rating {
    OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE, NOT_APPLICABLE, NOT_RATED
}
