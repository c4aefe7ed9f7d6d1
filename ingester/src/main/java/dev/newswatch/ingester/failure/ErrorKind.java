package dev.newswatch.ingester.failure;

/**
 * Where ingesting went wrong; the {@code kind} tag of the errors metric. Listing a source's articles fails with
 * the kind of its source kind, so a broken sitemap shows as {@code sitemap-parse}, not as a feed error.
 */
public enum ErrorKind {
    FEED_FETCH("feed-fetch"),
    FEED_PARSE("feed-parse"),
    LISTING_FETCH("listing-fetch"),
    /** A listing page could not be read for links; jsoup reads any HTML, so only a bug ends here. */
    LISTING_PARSE("listing-parse"),
    SITEMAP_FETCH("sitemap-fetch"),
    SITEMAP_PARSE("sitemap-parse"),
    /** A directory of saved pages or a WARC file could not be listed or read. */
    ARCHIVE_READ("archive-read"),
    PAGE_FETCH("page-fetch"),
    EXTRACT("extract"),
    ROBOTS_DENIED("robots-denied"),
    /** robots.txt timed out or answered 429 or 5xx: the host is left alone for a while. */
    ROBOTS_UNAVAILABLE("robots-unavailable"),
    /** The URL's host resolves to a loopback, private or link-local address the source may not reach. */
    BLOCKED_ADDRESS("blocked-address"),
    /** The response's content type is not what the caller reads (an image where a page was expected). */
    UNSUPPORTED_CONTENT("unsupported-content"),
    /**
     * The source was read but listed no articles: a moved feed, a changed page layout or a selector that no longer
     * matches. Counted as a failed poll, so a source that goes quiet this way shows up as stale.
     */
    NO_ARTICLES("no-articles"),
    PUBLISH("publish"),
    /**
     * The ingesters' group refused a transaction: this instance's membership is stale (it was paused or cut off
     * while another took its sources over). Nothing was written; the sources go to whoever owns them now.
     */
    FENCED("fenced"),
    /** A poll failed in a way no stage expected (a bug): caught where the source is scheduled, which carries on. */
    INTERNAL("internal");

    private final String tag;

    ErrorKind(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** Nothing was published, for a reason of Kafka's and not of the article: the article waits for a later poll. */
    public boolean isPublishing() {
        return this == PUBLISH || this == FENCED;
    }
}
