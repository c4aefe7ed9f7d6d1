package dev.newswatch.enricher.grouping;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;

/**
 * Adds to an enriched article what the story and event indexes compare: its {@link StorySignature} and its
 * {@link EventTerms}. Runs where the tagging ran, on every partition, so the single index task only looks up.
 */
public final class ArticleSigner {

    private final StorySignature story = new StorySignature();
    private final EventSignature event = new EventSignature();

    public SignedArticle sign(EnrichedArticle article) {
        RawArticle raw = article.article();
        return new SignedArticle(article, story.of(raw.title(), raw.text()),
                event.of(raw.title(), raw.text(), article.entities(), article.topics()));
    }
}
