package dev.newswatch.enricher.grouping;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;

/**
 * An enriched article on its way to the story and event indexes, with its {@link EventTerms} computed where the
 * tagging ran (Nori makes them the dearest part of signing). Its {@link StorySignature} is not carried but computed
 * in the index task when asked for: 120 random 32-bit slots cost some 600 bytes per article in the repartition topic,
 * over a third of its record, and a fifth of a millisecond to compute. A record written when the signature was
 * carried reads as well: the slots it holds are passed over.
 *
 * @param terms what the article says happened
 */
public record SignedArticle(EnrichedArticle article, EventTerms terms) {

    private static final StorySignature STORY = new StorySignature();

    /** Its MinHash slots, or {@code null} when it is too short to be grouped; computed at each call. */
    public int[] signature() {
        RawArticle raw = article.article();
        return STORY.of(raw.title(), raw.text());
    }

    SignedArticle withStoryId(String storyId) {
        return new SignedArticle(article.withStoryAndEvent(storyId, article.eventId()), terms);
    }
}
