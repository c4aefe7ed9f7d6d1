package dev.newswatch.enricher;

import dev.newswatch.common.events.EnrichedArticle;

/**
 * An enriched article on its way to the story index, with its {@link StorySignature} computed where the tagging
 * ran, so the single story-index task only looks up and stores.
 *
 * @param signature the MinHash slots, or {@code null} when the article is too short to be grouped
 */
public record SignedArticle(EnrichedArticle article, int[] signature) {
}
