package dev.newswatch.common.events;

import java.time.Instant;

/** The article an alert is about, as much of it as a reader of the alert needs. */
public record AlertedArticle(String id, String url, String title, String outlet, Instant publishedAt) {

    public static AlertedArticle of(RawArticle article) {
        return new AlertedArticle(article.id(), article.url(), article.title(), article.outlet(), article.publishedAt());
    }
}
