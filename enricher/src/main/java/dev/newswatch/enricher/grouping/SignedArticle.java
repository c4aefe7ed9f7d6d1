package dev.newswatch.enricher.grouping;

import dev.newswatch.common.events.EnrichedArticle;

/**
 * An enriched article on its way to the story and event indexes, with its {@link StorySignature} and
 * {@link EventTerms} computed where the tagging ran, so the single index task only looks up and stores.
 *
 * @param signature the MinHash slots, or {@code null} when the article is too short to be grouped
 * @param terms     what the article says happened
 */
public record SignedArticle(EnrichedArticle article, int[] signature, EventTerms terms) {

    SignedArticle withStoryId(String storyId) {
        return new SignedArticle(article.withStoryAndEvent(storyId, article.eventId()), signature, terms);
    }
}
