package dev.newswatch.common.events;

import java.time.Instant;

/**
 * The article an alert is about, as much of it as a reader of the alert needs.
 *
 * @param sourceId  the source it was fetched from, as the ingester's sources file names it; {@code null} in an
 *                  alert written before alerts carried it
 * @param fetchedAt when the ingester fetched it; {@code null} in an alert written before alerts carried it
 */
public record AlertedArticle(String id, String url, String title, String outlet, String sourceId,
        Instant publishedAt, Instant fetchedAt) {

    public static AlertedArticle of(RawArticle article) {
        return new AlertedArticle(article.id(), article.url(), article.title(), article.outlet(), article.sourceId(),
                article.publishedAt(), article.fetchedAt());
    }
}
