package dev.newswatch.common.config;

/** What became of an edit of a configuration file a {@link ConfigReloader} watches: the {@code outcome} tag. */
public enum ReloadOutcome {
    /** The edit loaded and is in force. */
    RELOADED,
    /** The edit did not load; what ran before stays in force. */
    REJECTED
}
