package dev.newswatch.ingester;

import java.time.Instant;

/**
 * One item of a feed.
 *
 * @param link      the article's address as the feed gives it (absolute)
 * @param published the feed's date for the item, or null
 * @param summary   the feed's description as plain text, possibly empty
 */
public record FeedEntry(String link, String title, Instant published, String summary) {
}
