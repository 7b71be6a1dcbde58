package uk.probation.inspection.rating.consume;

/** A lane found the projection lock taken by a rebuild (on any replica) and rolled back without writing anything. */
class RebuildRunning extends RuntimeException {

    RebuildRunning() {
        super("a rebuild holds the projection lock", null, false, false);
    }

    /** Whether {@code e} is, or was caused by, this (transaction and lane wrappers may wrap it). */
    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RebuildRunning) {
                return true;
            }
        }
        return false;
    }
}
