package dev.newswatch.alerts.watch;

/** What the alerts service makes of a watch in the watches table. */
public enum WatchState {
    /** Matched against every article. */
    ACTIVE,
    /**
     * Matched, but it names entity or topic ids the enricher's dictionary lacks, so it cannot fire on those until
     * they return.
     */
    DEAD,
    /** Kept, with its topic, but not matched. */
    PAUSED,
    /** Not matched: its record cannot be read or its condition is malformed. */
    INVALID,
    /** Gone from the table. */
    REMOVED;

    /** Whether articles are matched against a watch in this state. */
    public boolean matched() {
        return this == ACTIVE || this == DEAD;
    }
}
