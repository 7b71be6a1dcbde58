package uk.probation.inspection.rating.rules;

/** What a standard's rating comes from. */
public enum Basis {
    /** Recorded by a lead inspector. */
    JUDGEMENT,
    /** The lowest key-question percentage of the case sample, placed in a band. */
    CASES,
    /** Reported, never rated nor counted. */
    NONE
}
