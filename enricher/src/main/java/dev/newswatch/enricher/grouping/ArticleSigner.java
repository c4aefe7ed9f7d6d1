package dev.newswatch.enricher.grouping;

import dev.newswatch.common.events.EnrichedArticle;
import dev.newswatch.common.events.RawArticle;

/**
 * Adds to an enriched article what the event index compares, its {@link EventTerms}. Runs where the tagging ran, on
 * every partition, so the single index task does not run Nori; the story signature, cheaper to compute than to carry
 * there, is the index task's ({@link SignedArticle#signature()}).
 */
public final class ArticleSigner {

    private final EventSignature event = new EventSignature();

    public SignedArticle sign(EnrichedArticle article) {
        RawArticle raw = article.article();
        return new SignedArticle(article, event.of(raw.title(), raw.text(), article.entities(), article.topics()));
    }
}
