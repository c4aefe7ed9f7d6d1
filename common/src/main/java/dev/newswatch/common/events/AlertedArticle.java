package dev.newswatch.common.events;

import java.time.Instant;

/**
 * An article an alert is about, as much of it as a reader of the alert needs, with the time each stage saw it so
 * that each stage's delay shows.
 *
 * @param sourceId   the source it was fetched from, as the ingester's sources file names it; {@code null} in an
 *                   alert written before alerts carried it
 * @param fetchedAt  when the ingester fetched it; {@code null} in an alert written before alerts carried it
 * @param enrichedAt when the enricher tagged it; {@code null} in an alert written before alerts carried it
 */
public record AlertedArticle(String id, String url, String title, String outlet, String sourceId,
        Instant publishedAt, Instant fetchedAt, Instant enrichedAt) {

    public static AlertedArticle of(EnrichedArticle enriched) {
        RawArticle article = enriched.article();
        return new AlertedArticle(article.id(), article.url(), article.title(), article.outlet(), article.sourceId(),
                article.publishedAt(), article.fetchedAt(), enriched.enrichedAt());
    }
}
