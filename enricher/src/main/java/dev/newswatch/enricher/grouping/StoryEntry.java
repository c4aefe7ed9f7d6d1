package dev.newswatch.enricher.grouping;

/**
 * What the story index remembers of one article.
 *
 * @param storyId   the story the article was given
 * @param seenAt    its record timestamp in epoch milliseconds; the entry expires one story window later
 * @param signature its MinHash slots, to compare later articles with and to find its bands again on expiry
 */
public record StoryEntry(String storyId, long seenAt, int[] signature) {
}
