package dev.newswatch.ingester.state;

/** Why a pending article was given up. */
public enum GiveUpReason {
    /** Its page failed to be read {@link PendingLinks#MAX_ATTEMPTS} times. */
    ATTEMPTS,
    /** It was first listed more than {@link PendingLinks#MAX_AGE} ago. */
    AGE
}
