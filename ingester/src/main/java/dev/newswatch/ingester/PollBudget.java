package dev.newswatch.ingester;

/**
 * What one poll may still read: {@link #MAX_ARTICLES_PER_POLL} articles, of which at most
 * {@link #MAX_REVISITS_PER_POLL} revisits of published ones, and nothing more once publishing failed (Kafka
 * unreachable: every other article would fail the same way). What it leaves out waits for a later poll.
 */
final class PollBudget {

    /** Some sources list hundreds of items at once (Digital Times: 427); these many are read, the rest wait. */
    static final int MAX_ARTICLES_PER_POLL = 100;
    /** Published articles read again per poll, at most; the others wait for the next poll. */
    static final int MAX_REVISITS_PER_POLL = 10;

    private int read;
    private int revisits;
    private int newArticles;
    private int deferred;
    private boolean publishFailed;

    /** Past the cap, or publishing failed: links to read are left pending, not read. */
    boolean deferring() {
        return read >= MAX_ARTICLES_PER_POLL || publishFailed;
    }

    /** Whether a published article may be read again now. */
    boolean allowsRevisit() {
        return revisits < MAX_REVISITS_PER_POLL && !deferring();
    }

    /** A link is read: an article never published, or a revisit. */
    void reading(boolean revisit) {
        read++;
        revisits += revisit ? 1 : 0;
    }

    /** A link to read was left pending: counted as deferred by the cap, unless publishing failed. */
    void deferred() {
        deferred += publishFailed ? 0 : 1;
    }

    void published(boolean changed) {
        newArticles += changed ? 1 : 0;
    }

    void publishFailed() {
        publishFailed = true;
    }

    boolean publishHasFailed() {
        return publishFailed;
    }

    /** Articles published new or changed by this poll. */
    int newArticles() {
        return newArticles;
    }

    /** Links left pending by the per-poll cap. */
    int deferredCount() {
        return deferred;
    }
}
