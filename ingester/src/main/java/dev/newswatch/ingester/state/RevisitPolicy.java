package dev.newswatch.ingester.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a listed link's page is worth fetching. A link never published is fetched. A published one is read
 * again when its source says it changed after we last read it (Atom {@code updated}, sitemap {@code lastmod}),
 * and, since most RSS feeds date no edits, when it is young (published within {@link #YOUNG}) and was last read
 * more than {@link #RECHECK_YOUNG_EVERY} ago: stories are corrected most in their first hours. The fingerprint
 * then tells an edit, published as an update of the same id, from an unchanged page. The poller bounds how many
 * revisits one poll makes, so revisiting never crowds out new articles.
 */
public final class RevisitPolicy {

    static final Duration YOUNG = Duration.ofHours(6);
    static final Duration RECHECK_YOUNG_EVERY = Duration.ofHours(1);

    public enum Decision {
        /** Not published yet. */
        FETCH,
        /** Published, but it may have changed since. */
        REVISIT,
        /** Published, and nothing suggests it changed. */
        SKIP
    }

    private RevisitPolicy() {
    }

    /**
     * @param marker      what was published from this link, if anything
     * @param linkUpdated the source's change date for the link, or null
     * @param lastChecked when this instance last revisited the link and found it unchanged, or null
     */
    public static Decision decide(Optional<PublishedMarker> marker, Instant linkUpdated, Instant lastChecked, Instant now) {
        if (marker.isEmpty()) {
            return Decision.FETCH;
        }
        Instant published = marker.get().publishedAt();
        Instant lastRead = published;
        if (lastChecked != null && (lastRead == null || lastChecked.isAfter(lastRead))) {
            lastRead = lastChecked;
        }
        if (linkUpdated != null && (lastRead == null || linkUpdated.isAfter(lastRead))) {
            return Decision.REVISIT;
        }
        boolean young = published != null && published.isAfter(now.minus(YOUNG));
        return young && lastRead.isBefore(now.minus(RECHECK_YOUNG_EVERY)) ? Decision.REVISIT : Decision.SKIP;
    }
}
