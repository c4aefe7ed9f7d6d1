package dev.newswatch.ingester;

/** Where ingesting went wrong; the {@code kind} tag of the errors metric. */
public enum ErrorKind {
    FEED_FETCH("feed-fetch"),
    FEED_PARSE("feed-parse"),
    PAGE_FETCH("page-fetch"),
    EXTRACT("extract"),
    ROBOTS_DENIED("robots-denied"),
    PUBLISH("publish");

    private final String tag;

    ErrorKind(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
